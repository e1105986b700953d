/**
 * The keys of the entities several stores read (clusters, associations, firms, providers,
 * users, …). The convention (docs/data-model.md, "Keys"): every key is built by a named
 * builder, never inline; an entity only its own store touches keeps its `<entity>Keys` beside
 * that store. The tenant (cluster) comes first in every partition key of a tenant's data.
 */
export const keys = {
  cluster: (clusterId: string) => ({ PK: `CLUSTER#${clusterId}`, SK: 'CLUSTER' }),
  /** The cluster's own policy (absent until it sets one: the national defaults apply). */
  clusterPolicy: (clusterId: string) => ({ PK: `CLUSTER#${clusterId}`, SK: 'POLICY' }),
  /** National list of clusters (few hundred at most: one partition is fine). */
  clusterListing: (name: string, clusterId: string) => ({
    GSI1PK: 'CLUSTERS',
    GSI1SK: `${name.toLowerCase()}#${clusterId}`,
  }),
  association: (clusterId: string, associationId: string) => ({
    PK: `CLUSTER#${clusterId}`,
    SK: `ASSOC#${associationId}`,
  }),
  associationPrefix: 'ASSOC#',
  firm: (clusterId: string, associationId: string, firmId: string) => ({
    PK: `CLUSTER#${clusterId}`,
    SK: `FIRM#${associationId}#${firmId}`,
  }),
  firmPrefix: (associationId: string) => `FIRM#${associationId}#`,
  provider: (providerId: string) => ({ PK: `PROVIDER#${providerId}`, SK: 'PROVIDER' }),
  providerListing: (name: string, providerId: string) => ({
    GSI1PK: 'PROVIDERS',
    GSI1SK: `${name.toLowerCase()}#${providerId}`,
  }),
  /** A provider's registration in a cluster; GSI1 lists a provider's clusters. */
  providerRegistration: (clusterId: string, providerId: string) => ({
    PK: `CLUSTER#${clusterId}`,
    SK: `PROVREG#${providerId}`,
    GSI1PK: `PROVIDER#${providerId}#CLUSTERS`,
    GSI1SK: clusterId,
  }),
  providerRegistrationPrefix: 'PROVREG#',
  funder: (funderId: string) => ({ PK: `FUNDER#${funderId}`, SK: 'FUNDER' }),
  user: (email: string) => ({ PK: `USER#${email.toLowerCase()}`, SK: 'USER' }),
  /** GSI1: a user by id (tokens carry the id, sign-in the email). */
  userById: (userId: string) => ({ GSI1PK: `USERID#${userId}`, GSI1SK: 'USER' }),
  activity: (clusterId: string, activityId: string) => ({ PK: `CLUSTER#${clusterId}#ACTIVITY`, SK: activityId }),
  activityPartition: (clusterId: string) => `CLUSTER#${clusterId}#ACTIVITY`,
  invitation: (tokenHash: string) => ({ PK: `INVITE#${tokenHash}`, SK: 'INVITE' }),
  /** A refresh token's session, by the token's hash; TTL removes expired ones. */
  session: (tokenHash: string) => ({ PK: `SESSION#${tokenHash}`, SK: 'SESSION' }),
  /** A sign-in's family of refresh tokens; GSI1 lists a user's live sessions (families sort by ULID). */
  sessionFamily: (familyId: string) => ({ PK: `SESSIONFAMILY#${familyId}`, SK: 'FAMILY' }),
  userSessions: (userId: string, familyId: string) => ({ GSI1PK: `USERSESSIONS#${userId}`, GSI1SK: familyId }),
  /** What access tokens of a user are still worth: its session version and whether it is disabled. */
  userStanding: (userId: string) => ({ PK: `USERID#${userId}`, SK: 'STANDING' }),
  /** A password-reset link, by the hash of its token; TTL removes it after it expires. */
  passwordReset: (tokenHash: string) => ({ PK: `PWRESET#${tokenHash}`, SK: 'PWRESET' }),
  /** A provider's sign-up waiting for its mailed link, by the hash of the link's token; TTL removes it. */
  signUp: (tokenHash: string) => ({ PK: `SIGNUP#${tokenHash}`, SK: 'SIGNUP' }),
  /** Failed sign-ins in one fixed window, for an account or a client address. */
  throttle: (subject: string, windowStart: number) => ({ PK: `THROTTLE#${subject}`, SK: String(windowStart) }),
  audit: (clusterId: string, at: string, auditId: string) => ({
    PK: `CLUSTER#${clusterId}#AUDIT`,
    SK: `${at}#${auditId}`,
  }),
  auditPartition: (clusterId: string) => `CLUSTER#${clusterId}#AUDIT`,
  /** Local mail outbox, per recipient. */
  mail: (email: string, messageId: string) => ({ PK: `MAILBOX#${email.toLowerCase()}`, SK: messageId }),
  mailbox: (email: string) => `MAILBOX#${email.toLowerCase()}`,
  /** The marker that makes a keyed mail go out once (local stack). */
  mailKey: (idempotencyKey: string) => ({ PK: `MAILKEY#${idempotencyKey}`, SK: 'MAIL' }),
  /** An event in the transactional outbox, until the relay has carried it (TTL). */
  outbox: (eventId: string) => ({ PK: `OUTBOX#${eventId}`, SK: 'EVENT' }),
} as const;

/** Strips the key attributes from a stored item. */
export function withoutKeys<T extends Record<string, unknown>>(
  item: T,
): Omit<T, 'PK' | 'SK' | 'GSI1PK' | 'GSI1SK' | 'GSI2PK' | 'GSI2SK' | 'entity'> {
  const { PK: _a, SK: _b, GSI1PK: _c, GSI1SK: _d, GSI2PK: _e, GSI2SK: _f, entity: _g, ...rest } = item;
  return rest;
}
