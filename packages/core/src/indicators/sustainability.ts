import type { FunderKind } from '../organisation/schema';
import { ATTR, entries, num, type MonthAggregate } from './aggregate';

/** The paper's three sources of support, in minor units; they always add up to `delivered`. */
export interface SourceAmounts {
  delivered: number;
  private: number;
  supportInstitutions: number;
  programme: number;
}

/**
 * Splits delivered value by who paid: the firms (delivered − released subsidy), funders of
 * kind `programme`, and every other funder (development banks, state agencies, other). A
 * funder whose kind is unknown counts as a support institution, never as the programme, so
 * leverage is never overstated.
 *
 * @example
 * sourceAmounts([month], { fnd_sidbi: 'development_bank' }).supportInstitutions // SIDBI's releases
 */
export function sourceAmounts(
  months: readonly MonthAggregate[],
  kinds: Readonly<Record<string, FunderKind>>,
): SourceAmounts {
  let delivered = 0;
  let publicPart = 0;
  let programme = 0;
  for (const m of months) {
    delivered += num(m, ATTR.delivered);
    publicPart += num(m, ATTR.public);
    for (const [funderId, amount] of entries(m, 'F#')) if (kinds[funderId] === 'programme') programme += Number(amount);
  }
  return { delivered, private: delivered - publicPart, supportInstitutions: publicPart - programme, programme };
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/**
 * Cost recovery by BDS supplier (private ÷ delivered), leverage of programme funds
 * (delivered ÷ programme; null when the programme paid nothing) and each source's share.
 *
 * @example
 * sustainability({ delivered: 100, private: 82, supportInstitutions: 0, programme: 18 }).leverage // 5.555…
 */
export function sustainability(s: SourceAmounts) {
  return {
    costRecovery: ratio(s.private, s.delivered),
    leverage: ratio(s.delivered, s.programme),
    shares: {
      private: ratio(s.private, s.delivered),
      supportInstitutions: ratio(s.supportInstitutions, s.delivered),
      programme: ratio(s.programme, s.delivered),
    },
  };
}
