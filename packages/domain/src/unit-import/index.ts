export * from './check';
export * from './columns';
