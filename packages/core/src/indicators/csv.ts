import type { Indicators } from './schema';

/** RFC 4180 quoting; a cell that a spreadsheet would run as a formula is prefixed with `'`. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s) && typeof value === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Minor units as a decimal string (2 places), by string arithmetic: no float rounding. */
function decimal(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/**
 * The indicators as CSV: one `indicator,value,unit` row per figure (market and graduation rows
 * name their category and association), the same numbers as the JSON.
 *
 * @example
 * indicatorsCsv(indicators).split('\r\n')[0] // 'indicator,category,association,value,unit'
 */
export function indicatorsCsv(i: Indicators): string {
  const scope =
    i.scope.kind === 'cluster' ? i.scope.clusterId! : i.scope.kind === 'state' ? i.scope.state! : 'national';
  const cur = i.delivered.currency;
  const rows: (string | number | null)[][] = [
    ['indicator', 'category', 'association', 'value', 'unit'],
    ['scope', '', '', `${i.scope.kind}:${scope}`, ''],
    ['from', '', '', i.from, 'date'],
    ['to', '', '', i.to, 'date'],
    ['scale', '', '', i.scale, 'firms'],
    ['under_served', '', '', i.underServed, 'firms'],
    ['outreach', '', '', i.outreach, 'fraction'],
    ['cost_recovery', '', '', i.costRecovery, 'fraction'],
    ['leverage', '', '', i.leverage, 'ratio'],
    ['delivered', '', '', decimal(i.delivered.amount), cur],
  ];
  for (const key of ['private', 'supportInstitutions', 'programme'] as const) {
    const name = key === 'supportInstitutions' ? 'support_institutions' : key;
    rows.push([`sources.${name}.amount`, '', '', decimal(i.sources[key].amount.amount), cur]);
    rows.push([`sources.${name}.share`, '', '', i.sources[key].share, 'fraction']);
  }
  for (const c of i.impact.strengthened) rows.push(['impact.strengthened', c, '', 1, 'flag']);
  for (const c of i.impact.created) rows.push(['impact.created', c, '', 1, 'flag']);
  for (const m of i.market) {
    rows.push(['market.delivered', m.category, '', decimal(m.delivered.amount), cur]);
    rows.push(['market.providers', m.category, '', m.providers, 'providers']);
    rows.push(['market.largest_share', m.category, '', m.largestShare, 'fraction']);
    rows.push(['market.herfindahl', m.category, '', m.herfindahl, 'index']);
    rows.push(['market.median_bids', m.category, '', m.medianBids, 'bids']);
    rows.push(['market.unsubsidised_share', m.category, '', m.unsubsidisedShare, 'fraction']);
  }
  for (const g of i.graduation.steps) {
    rows.push(['graduation.award', g.category, g.associationName, g.award, 'ordinal']);
    rows.push(['graduation.share', g.category, g.associationName, g.share, 'fraction']);
  }
  for (const g of i.graduation.associations)
    rows.push(['graduation.unsubsidised_repeat', g.category, g.associationName, 1, 'flag']);
  rows.push(['graduation.firms', '', '', i.graduation.firms, 'firms']);
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
