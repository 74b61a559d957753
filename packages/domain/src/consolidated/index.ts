export * from './as-of';
export * from './dashboard-print';
export * from './report';
