export * from './data-items';
export * from './dates';
export * from './fixtures';
export * from './parts';
export * from './plan-54';
export * from './warnings';
export * from './windows';
export * from './words';
