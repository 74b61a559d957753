export * from './data-items';
export * from './dates';
export * from './fixtures';
export * from './parts';
export * from './value';
export * from './warnings';
export * from './windows';
export * from './words';
