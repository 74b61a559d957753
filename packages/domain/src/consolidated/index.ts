export * from './as-of';
export * from './report';
