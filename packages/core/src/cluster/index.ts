export * from './schema';
export * from './states';
