export * from './errors';
export * from './clock';
export * from './ids';
export * as Money from './money';
export type { Currency } from './money';
export * from './table';
export * from './events';
