import type { BidView, NewBid, PriceTier, ServiceRequest } from '../../../api';
import { required, type Placed } from '../../../hooks';
import { t } from '../../../i18n';
import { toPaise, toRupeesInput } from '../../../money';

export interface TierRow {
  key: number;
  minFirms: string;
  /** Rupees as typed; sent as integer paise. */
  price: string;
}

export interface BidFields {
  tiers: TierRow[];
  capacity: string;
  deliveryPlan: string;
}

export const MAX_TIERS = 10;
const MIN_PLAN = 20;

/** A new bid starts with one tier at the request's minimum; a revision starts from the live bid. */
export function initialBid(request: ServiceRequest, bid?: BidView): BidFields {
  if (bid) {
    return {
      tiers: bid.priceTiers.map((tier, i) => ({
        key: i,
        minFirms: String(tier.minFirms),
        price: toRupeesInput(tier.pricePerFirm.amount),
      })),
      capacity: String(bid.capacity),
      deliveryPlan: bid.deliveryPlan,
    };
  }
  return {
    tiers: [{ key: 0, minFirms: String(request.minFirms), price: '' }],
    capacity: String(request.maxFirms),
    deliveryPlan: '',
  };
}

/** The input ids the API's field paths land on: `priceTiers.1.pricePerFirm.amount` → `priceTiers-1-pricePerFirm`. */
export const bidFieldIds = (rows: number): string[] => [
  'priceTiers',
  'capacity',
  'deliveryPlan',
  ...Array.from({ length: rows }, (_, i) => [`priceTiers-${i}-minFirms`, `priceTiers-${i}-pricePerFirm`]).flat(),
];

const whole = (s: string): number | undefined => (/^\s*\d+\s*$/.test(s) ? Number(s) : undefined);

/** The tiers that parse, in the order typed: for the chart while the form is half filled. */
export function parsedTiers(rows: readonly TierRow[], currency: PriceTier['pricePerFirm']['currency']): PriceTier[] {
  return rows.flatMap((r) => {
    const minFirms = whole(r.minFirms);
    const amount = toPaise(r.price);
    return minFirms !== undefined && minFirms >= 1 && amount !== undefined && amount >= 1
      ? [{ minFirms, pricePerFirm: { amount, currency } }]
      : [];
  });
}

/** Shapes only (numbers, amounts, lengths); ascending tiers and capacity against them are the API's to judge. */
export function checkBid(f: BidFields): Placed {
  const placed: Placed = {};
  f.tiers.forEach((r, i) => {
    const firms = whole(r.minFirms);
    if (firms === undefined || firms < 1) placed[`priceTiers-${i}-minFirms`] = [t('form.wholeNumber')];
    const paise = toPaise(r.price);
    if (paise === undefined || paise < 1) placed[`priceTiers-${i}-pricePerFirm`] = [t('bid.priceInvalid')];
  });
  if (whole(f.capacity) === undefined) placed.capacity = [t('form.wholeNumber')];
  required(placed, 'deliveryPlan', f.deliveryPlan, t('bid.deliveryPlan'));
  if (f.deliveryPlan.trim() && f.deliveryPlan.trim().length < MIN_PLAN)
    placed.deliveryPlan = [t('form.atLeast', { min: MIN_PLAN })];
  return placed;
}

/** The API's body: integer paise only. */
export const toNewBid = (f: BidFields, currency: PriceTier['pricePerFirm']['currency']): NewBid => ({
  priceTiers: parsedTiers(f.tiers, currency),
  capacity: Number(f.capacity),
  deliveryPlan: f.deliveryPlan.trim(),
});

/**
 * The price per firm when `firms` take the service: the tier with the highest threshold at or
 * below it; undefined below the first tier.
 *
 * @example
 * priceAt([{ minFirms: 10, … 6500_00 }, { minFirms: 20, … 5200_00 }], 15) // 6500_00
 */
export function priceAt(tiers: readonly PriceTier[], firms: number): number | undefined {
  let price: number | undefined;
  for (const tier of [...tiers].sort((a, b) => a.minFirms - b.minFirms))
    if (tier.minFirms <= firms) price = tier.pricePerFirm.amount;
  return price;
}
