export * from './types';
export * from './fraction';
export * from './quality';
export * from './validity';
export * from './evaluate';
