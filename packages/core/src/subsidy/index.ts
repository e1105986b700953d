export * from './schema';
export * from './share';
export * from './applicable';
export * from './compute';
export * from './milestones';
export * from './lifecycle';
export * from './view';
export * from './payout';
