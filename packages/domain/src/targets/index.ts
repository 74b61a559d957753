export * from './as-of';
export * from './definition';
export * from './describe';
export * from './evaluation';
export * from './plan-54';
export * from './record-kinds';
