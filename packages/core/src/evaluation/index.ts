export * from './types';
export * from './quality';
export * from './validity';
export * from './evaluate';
export * from './bidder-view';
export * from './split-rank';
