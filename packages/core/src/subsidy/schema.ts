import * as z from 'zod';
import { idPattern } from '../ids';
import { Currency, Money } from '../money';
import { BASIS_POINTS_WHOLE } from '../request/schema';
import { CategorySlug } from '../taxonomy';

/** Programme ids are prefixed ULIDs like every other id (`prg_…`). */
export const PROGRAMME_ID_PATTERN = idPattern('programme');
export const ProgrammeId = z.string().regex(PROGRAMME_ID_PATTERN);

/** Where a programme's money may go: one cluster, every cluster of a state, or the whole country. */
export const ProgrammeScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cluster'), clusterId: z.string().regex(idPattern('cluster')) }),
  z.object({ kind: z.literal('state'), state: z.string().trim().min(2).max(60) }),
  z.object({ kind: z.literal('national') }),
]);
export type ProgrammeScope = z.infer<typeof ProgrammeScope>;

/**
 * The share of the contract total a programme pays, in basis points, indexed by repeat count:
 * entry n is for the (n+1)-th award of the same category to the same association; beyond the
 * list the share is 0. It may only taper (never rise), which is the paper's point: support falls
 * 50 % → 38 % → 26 % → 7 % so that a cluster learns to buy services at market price.
 */
export const ShareSchedule = z
  .array(z.number().int().min(0).max(BASIS_POINTS_WHOLE))
  .min(1)
  .max(20)
  .refine(
    (s) => s.every((bp, i) => i === 0 || bp <= (s[i - 1] ?? bp)),
    'A share schedule may only taper: each share at most the one before',
  );
export type ShareSchedule = z.infer<typeof ShareSchedule>;

export const ProgrammeStatus = z.enum(['open', 'closed']);
export type ProgrammeStatus = z.infer<typeof ProgrammeStatus>;

/** The fields of a programme, without the cross-field rules (for `pick`/`omit`/`extend`). */
export const ProgrammeFields = z.object({
  id: ProgrammeId,
  funderId: z.string().regex(idPattern('funder')),
  name: z.string().trim().min(2).max(160),
  scope: ProgrammeScope,
  currency: Currency,
  budget: Money,
  eligibleCategories: z.array(CategorySlug).min(1).max(50),
  schedule: ShareSchedule,
  /** Used instead of `schedule` for categories the taxonomy flags innovative (IT, quality, testing). */
  innovativeSchedule: ShareSchedule.optional(),
  capPerAward: Money,
  /** Inclusive. */
  validFrom: z.iso.datetime(),
  /** Exclusive: an award at this instant is outside. */
  validUntil: z.iso.datetime(),
  /** Lower goes first when several programmes co-finance one award; ties by id. */
  priority: z.number().int().min(0).max(1_000),
  status: ProgrammeStatus,
  closedAt: z.iso.datetime().optional(),
});

type PolicyFields = Pick<
  z.infer<typeof ProgrammeFields>,
  'currency' | 'budget' | 'capPerAward' | 'validFrom' | 'validUntil'
>;

/** The rules across fields: budget and cap positive and in the programme's currency, dates in order. */
export function checkProgrammePolicy(p: PolicyFields, ctx: z.RefinementCtx): void {
  for (const field of ['budget', 'capPerAward'] as const) {
    if (p[field].currency !== p.currency)
      ctx.addIssue({ code: 'custom', path: [field, 'currency'], message: `${field} must be in ${p.currency}` });
    if (p[field].amount <= 0)
      ctx.addIssue({ code: 'custom', path: [field, 'amount'], message: `${field} must be positive` });
  }
  if (!(Date.parse(p.validFrom) < Date.parse(p.validUntil)))
    ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'validUntil must be after validFrom' });
}

/** A funder's subsidy programme: the policy `computeSubsidy` applies to every award in its scope. */
export const SubsidyProgramme = ProgrammeFields.superRefine(checkProgrammePolicy);
export type SubsidyProgramme = z.infer<typeof SubsidyProgramme>;
