export * from './clean-layout';
export * from './corpus-vi';
export * from './link-units';
export * from './parse-text';
export * from './repair';
export * from './restore-diacritics';
export * from './syllable-model';
export * from './word-accuracy';
