export * from './constants';
export * from './figures';
export * from './inputs';
export * from './schedule';
export * from './timeliness';
export * from './workflow';
