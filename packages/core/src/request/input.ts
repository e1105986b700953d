import type * as z from 'zod';
import type { Clock } from '../clock';
import { invalid } from '../errors';
import type { IdGenerator } from '../ids';
import { RequestTerms, ServiceRequest } from './schema';
import { termsIssues } from './rules/terms';

/**
 * What an association posts. Field rules come from `RequestTerms`; cross-field rules
 * (`termsIssues`) are reported on the field to change, once every field is well-formed.
 */
export const NewServiceRequest = RequestTerms.superRefine((terms, ctx) => {
  for (const issue of termsIssues(terms)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});
export type NewServiceRequest = z.input<typeof NewServiceRequest>;

/** The tenant and lead sponsor of a new request, and where its id and timestamps come from. */
export interface RequestContext {
  clusterId: string;
  associationId: string;
  ids: IdGenerator;
  clock: Clock;
}

/**
 * Creates a draft request led by `ctx.associationId`. Throws a `ZodError` for malformed or
 * inconsistent input, `REQUEST.DEADLINE_PASSED` for a deadline not in the future and
 * `REQUEST.CO_SPONSOR_IS_LEAD` when the lead lists itself as co-sponsor. The deadline is stored
 * in UTC.
 *
 * @example
 * const draft = createRequest(input, { clusterId, associationId, ids, clock });
 * draft.status // 'draft'
 */
export function createRequest(input: NewServiceRequest, ctx: RequestContext): ServiceRequest {
  const terms = NewServiceRequest.parse(input);
  const now = ctx.clock.now();
  const deadline = Date.parse(terms.biddingDeadline);
  if (deadline <= now)
    throw invalid('REQUEST.DEADLINE_PASSED', 'The bidding deadline must be in the future', 'biddingDeadline');
  if (terms.coSponsorIds.includes(ctx.associationId)) {
    throw invalid('REQUEST.CO_SPONSOR_IS_LEAD', 'The lead association cannot also be a co-sponsor', 'coSponsorIds');
  }
  const at = new Date(now).toISOString();
  return ServiceRequest.parse({
    ...terms,
    id: ctx.ids.next('request'),
    clusterId: ctx.clusterId,
    associationId: ctx.associationId,
    biddingDeadline: new Date(deadline).toISOString(),
    status: 'draft',
    version: 1,
    createdAt: at,
    updatedAt: at,
  });
}
