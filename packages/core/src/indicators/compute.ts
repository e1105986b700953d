import type { Currency } from '../money';
import type { FunderKind } from '../organisation/schema';
import { ATTR, num, strings, type FirstDeliveries, type MonthAggregate } from './aggregate';
import { graduationOf } from './graduation';
import { impactOf } from './impact';
import { marketOf } from './market';
import type { Period } from './period';
import { scaleOf } from './scale';
import type { IndicatorScope, Indicators, MonthlyIndicators } from './schema';
import { sourceAmounts, sustainability } from './sustainability';

/** What one read of a scope gives: its months in the period, its first deliveries, the funders' kinds. */
export interface IndicatorInputs {
  scope: IndicatorScope;
  period: Period;
  months: readonly MonthAggregate[];
  first: FirstDeliveries;
  kinds: Readonly<Record<string, FunderKind>>;
  /** When no month says (nothing delivered yet): the cluster's or the exchange's currency. */
  currency: Currency;
}

const inPeriod = (i: IndicatorInputs) =>
  i.months.filter((m) => m.month >= i.period.fromMonth && m.month <= i.period.toMonth);
const currencyOf = (i: IndicatorInputs): Currency =>
  (i.months.find((m) => typeof m[ATTR.currency] === 'string')?.[ATTR.currency] as Currency | undefined) ?? i.currency;

/**
 * The paper's Table 1 for one scope and period, from its monthly aggregates.
 *
 * @example
 * indicatorsOf({ scope: { kind: 'national' }, period, months, first: {}, kinds: {}, currency: 'INR' }).costRecovery //
 * 0.82
 */
export function indicatorsOf(input: IndicatorInputs): Indicators {
  const months = inPeriod(input);
  const currency = currencyOf(input);
  const money = (amount: number) => ({ amount, currency });
  const s = sourceAmounts(months, input.kinds);
  const k = sustainability(s);
  return {
    scope: input.scope,
    from: input.period.from,
    to: input.period.to,
    ...scaleOf(months),
    costRecovery: k.costRecovery,
    leverage: k.leverage,
    delivered: money(s.delivered),
    sources: {
      private: { amount: money(s.private), share: k.shares.private },
      supportInstitutions: { amount: money(s.supportInstitutions), share: k.shares.supportInstitutions },
      programme: { amount: money(s.programme), share: k.shares.programme },
    },
    impact: impactOf(months, input.first, input.period.fromMonth),
    market: marketOf(months, currency),
    graduation: graduationOf(months),
  };
}

/**
 * One point per month of the period (months with nothing delivered are zeros), for trends.
 *
 * @example
 * monthlyOf(input).months.map((m) => m.costRecovery) // [0.5, null, 0.62, …]
 */
export function monthlyOf(input: IndicatorInputs, allMonths: readonly string[]): MonthlyIndicators {
  const currency = currencyOf(input);
  const byMonth = new Map(inPeriod(input).map((m) => [m.month, m]));
  return {
    scope: input.scope,
    from: input.period.from,
    to: input.period.to,
    months: allMonths.map((month) => {
      const m = byMonth.get(month) ?? { month };
      const delivered = num(m, ATTR.delivered);
      const pub = num(m, ATTR.public);
      return {
        month,
        delivered: { amount: delivered, currency },
        private: { amount: delivered - pub, currency },
        public: { amount: pub, currency },
        costRecovery: delivered > 0 ? (delivered - pub) / delivered : null,
        subsidyShare: delivered > 0 ? pub / delivered : null,
        scale: strings(m, ATTR.firms).length,
        milestones: num(m, ATTR.milestones),
      };
    }),
  };
}
