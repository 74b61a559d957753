export * from './document-number';
export * from './format';
export * from './inference';
export * from './layout';
export * from './lettering';
export * from './parse-markdown';
export * from './plan';
export * from './template';
