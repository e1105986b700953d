export * from './types';
export * from './match';
export * from './certificate';
export * from './validate';
export * from './build';
export * from './outcome';
