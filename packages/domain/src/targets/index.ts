export * from './as-of';
export * from './definition';
export * from './describe';
export * from './evaluation';
export * from './legacy-rule';
export * from './plan-54';
export * from './record-kinds';
