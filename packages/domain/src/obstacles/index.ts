export * from './obstacle';
