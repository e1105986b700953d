import * as z from 'zod';

/** The shortest reason a complaint or a decision on one may give: it must say what is wrong. */
export const COMPLAINT_REASON_MIN = 20;

/** A complaint's reason as typed: trimmed, 20 characters or more. */
export const ComplaintReason = z
  .string()
  .trim()
  .min(COMPLAINT_REASON_MIN, `Write at least ${COMPLAINT_REASON_MIN} characters`)
  .max(2_000);

/** Why the cluster admin upheld a complaint, and what it did about it. */
export const ComplaintRemedy = z.enum(['reevaluate', 'cancel']);
export type ComplaintRemedy = z.infer<typeof ComplaintRemedy>;

/** The cluster admin's decision on a complaint. */
export const ComplaintDecision = z.object({
  outcome: z.enum(['dismissed', 'upheld']),
  /** Set when upheld: the ranking evaluated again (with any restored bids), or the request cancelled. */
  remedy: ComplaintRemedy.optional(),
  /** Bids the re-evaluation ranked although the first evaluation left them out. */
  restoredBidIds: z.array(z.string()).optional(),
  reason: z.string(),
  decidedBy: z.string(),
  decidedAt: z.iso.datetime(),
});
export type ComplaintDecision = z.infer<typeof ComplaintDecision>;

/**
 * A bidder's complaint against a published ranking, filed during the stand-still: while it is
 * open the award waits; the cluster admin dismisses or upholds it.
 */
export const Complaint = z.object({
  id: z.string(),
  clusterId: z.string(),
  requestId: z.string(),
  providerId: z.string(),
  filedBy: z.string(),
  filedAt: z.iso.datetime(),
  reason: z.string(),
  evidence: z.string().optional(),
  status: z.enum(['open', 'dismissed', 'upheld']),
  decision: ComplaintDecision.optional(),
});
export type Complaint = z.infer<typeof Complaint>;

/** What the cluster admin asks for, as validated at the edge. */
export type DecisionInput =
  | { outcome: 'dismissed'; reason: string }
  | { outcome: 'upheld'; remedy: 'reevaluate'; reason: string; restoreBidIds?: readonly string[] | undefined }
  | { outcome: 'upheld'; remedy: 'cancel'; reason: string };
