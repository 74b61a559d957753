export * from './catalogue';
export * from './default-groups';
