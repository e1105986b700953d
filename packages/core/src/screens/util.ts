import type { ScreenBid, ScreenFlag, ScreenKind } from './schema';

/** FNV-1a, 64 bits, as 16 hex digits: a stable digest without a crypto dependency in core. */
export function fnv64(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

/** a / b in basis points, rounded down, exactly (BigInt: paise totals times 10000 may pass 2^53). */
export function ratioBp(a: number, b: number): number {
  if (b <= 0) return Number.MAX_SAFE_INTEGER;
  return Number((BigInt(a) * 10_000n) / BigInt(b));
}

/** Builds a flag: its id from kind, category and subject; its evidence digest from what it cites. */
export function flag(
  kind: ScreenKind,
  category: string,
  subject: string,
  evidence: { providerIds: string[]; requestIds: string[]; figures: Record<string, number>; bids: ScreenBid[] },
): ScreenFlag {
  const providerIds = [...new Set(evidence.providerIds)].sort();
  const body = { providerIds, requestIds: evidence.requestIds, figures: evidence.figures, bids: evidence.bids };
  return {
    id: `scr_${fnv64(`${kind}|${category}|${subject}`)}`,
    kind,
    category,
    ...body,
    evidenceHash: fnv64(JSON.stringify(body)),
  };
}

/** Groups by a key, keeping the input order within each group. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}
