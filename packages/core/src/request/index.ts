export * from './schema';
export * from './input';
export * from './rules/terms';
export * from './rules/transitions';
export * from './rules/lifecycle';
export * from './rules/award';
export * from './rules/co-sponsor';
export * from './rules/tenancy';
