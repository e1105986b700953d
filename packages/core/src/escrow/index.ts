export * from './schema';
export * from './errors';
export * from './open';
export * from './milestones';
export * from './receipts';
export * from './view';
export * from './delivery';
export * from './parties';
