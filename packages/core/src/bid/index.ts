export * from './schema';
export * from './rules/price';
export * from './rules/submit';
export * from './rules/seal';
export * from './rules/bidder';
