import * as z from 'zod';
import type { Actor } from '../actor';
import type { Clock } from '../clock';
import type { IdGenerator } from '../ids';

/** One privileged action in a cluster: who, what, when, before and after. */
export const AuditEntry = z.object({
  id: z.string(),
  clusterId: z.string(),
  at: z.iso.datetime(),
  actorId: z.string(),
  actorRole: z.string(),
  action: z.string(),
  subject: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  reason: z.string().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/**
 * Records an action for the audit trail.
 *
 * @example
 * auditEntry(actor, 'cluster.suspend', cluster.id, { clusterId, before, after }, { ids, clock })
 */
export function auditEntry(
  actor: Actor,
  action: string,
  subject: string,
  detail: { clusterId: string; before?: unknown; after?: unknown; reason?: string },
  ctx: { ids: IdGenerator; clock: Clock },
): AuditEntry {
  return {
    id: ctx.ids.next('audit'),
    at: new Date(ctx.clock.now()).toISOString(),
    actorId: actor.userId,
    actorRole: actor.role,
    action,
    subject,
    ...detail,
  };
}
