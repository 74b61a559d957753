// The contract between server and web: request and response schemas per area, and the error codes.
// The server validates and documents with these; the web infers its response types from them (type-only imports).
export * from './audit';
export * from './budget';
export * from './common';
export * from './data-items';
export * from './home';
export * from './indicators';
export * from './national';
export * from './obstacles';
export * from './org-units';
export * from './paths';
export * from './plan-imports';
export * from './plans';
export * from './province-settings';
export * from './provinces';
export * from './records';
export * from './reports';
export * from './targets';
export * from './tasks';
export * from './unit-groups';
export * from './unit-imports';
export * from './urging';
export * from './users';
