import * as z from 'zod';
import { Money } from '../money';

/** What a figure covers: one cluster, the clusters of one state, or the whole country. */
export const IndicatorScope = z.object({
  kind: z.enum(['cluster', 'state', 'national']),
  clusterId: z.string().optional(),
  state: z.string().optional(),
});
export type IndicatorScope = z.infer<typeof IndicatorScope>;

/** A decimal fraction or ratio; null when its denominator is zero. */
const Ratio = z.number().nullable();

/** One source of support: its amount and its share of delivered value. */
export const SourceOfSupport = z.object({ amount: Money, share: Ratio });

/** The paper's "distorting the BDS market?" view, per category. */
export const MarketCategory = z.object({
  category: z.string(),
  delivered: Money,
  /** Distinct providers with accepted deliveries in the period. */
  providers: z.number().int().min(0),
  /** The largest provider's share of the category's delivered value. */
  largestShare: Ratio,
  /** Σ share² over providers (1 = one provider has it all). */
  herfindahl: Ratio,
  /** Median number of bids on the requests delivered in the period. */
  medianBids: Ratio,
  /** Share of the category's delivered value that carried no subsidy at all. */
  unsubsidisedShare: Ratio,
});
export type MarketCategory = z.infer<typeof MarketCategory>;

/** How far an association has come down the taper in one category ("KNIDGRO, IT training: 4th award, 7 %"). */
export const GraduationStep = z.object({
  associationId: z.string(),
  associationName: z.string(),
  category: z.string(),
  /** Earlier awards of the category to the association, as the subsidy rule counted them (0 = first award). */
  repeatCount: z.number().int().min(0),
  /** 1-based: the award's ordinal (repeatCount + 1). */
  award: z.number().int().min(1),
  /** The subsidy share that award got, summed over programmes, as a decimal (0.07). */
  share: z.number(),
  /** The funders whose programmes co-financed the association's awards of the category in the period. */
  funderIds: z.array(z.string()),
  /** True when an accepted delivery in the period was a repeat purchase of the category with no subsidy. */
  graduated: z.boolean(),
});
export type GraduationStep = z.infer<typeof GraduationStep>;

export const Graduation = z.object({
  steps: z.array(GraduationStep),
  /** Associations (and category) that bought a category again with no subsidy in the period. */
  associations: z.array(z.object({ associationId: z.string(), associationName: z.string(), category: z.string() })),
  /** Distinct firms that attended a repeat purchase with no subsidy in the period. */
  firms: z.number().int().min(0),
});
export type Graduation = z.infer<typeof Graduation>;

/**
 * The paper's Table 1 for one scope and period, on accepted milestones dated by their
 * acceptance. `GET /api/indicators` answers exactly this.
 */
export const Indicators = z.object({
  scope: IndicatorScope,
  /** First day of the first month (YYYY-MM-DD). */
  from: z.iso.date(),
  /** Last day of the last month (YYYY-MM-DD). */
  to: z.iso.date(),
  scale: z.number().int().min(0),
  underServed: z.number().int().min(0),
  outreach: Ratio,
  costRecovery: Ratio,
  leverage: Ratio,
  delivered: Money,
  sources: z.object({ private: SourceOfSupport, supportInstitutions: SourceOfSupport, programme: SourceOfSupport }),
  impact: z.object({ strengthened: z.array(z.string()), created: z.array(z.string()) }),
  market: z.array(MarketCategory),
  graduation: Graduation,
});
export type Indicators = z.infer<typeof Indicators>;

/** One month of a scope, for trend charts (`GET /api/indicators/monthly`). */
export const MonthlyPoint = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  delivered: Money,
  private: Money,
  public: Money,
  /** private ÷ delivered. */
  costRecovery: Ratio,
  /** public ÷ delivered: the average subsidy share. */
  subsidyShare: Ratio,
  /** Distinct firms served in that month alone. */
  scale: z.number().int().min(0),
  milestones: z.number().int().min(0),
});
export const MonthlyIndicators = z.object({
  scope: IndicatorScope,
  from: z.iso.date(),
  to: z.iso.date(),
  months: z.array(MonthlyPoint),
});
export type MonthlyIndicators = z.infer<typeof MonthlyIndicators>;

/** The paper's Table 1 layout: one column per cluster (`GET /api/indicators/table`). */
export const IndicatorsTable = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  columns: z.array(
    z.object({
      clusterId: z.string(),
      name: z.string(),
      sector: z.string(),
      state: z.string(),
      indicators: Indicators,
    }),
  ),
});
export type IndicatorsTable = z.infer<typeof IndicatorsTable>;
