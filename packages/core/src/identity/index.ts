export * from './invitation';
export * from './who-invites';
export * from './onboarding';
export * from './audit';
export * from './throttle';
export * from './cluster-policy';
export * from './security';
export * from './rate-limit';
