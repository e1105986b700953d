export * from './schema';
export * from './bank';
