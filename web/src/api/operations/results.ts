import { data, type ApiClient } from '../client';
import type { QueryOf } from '../schema';

/** A scope (one cluster, one state, or the country when neither) and a period in whole months. */
export type ResultsQuery = Omit<QueryOf<'getIndicators'>, 'format'>;
export type TableQuery = QueryOf<'getIndicatorsTable'>;

/** `fresh` skips the browser's short cache of the public figures (the page's refresh button). */
const init = (signal?: AbortSignal, fresh = false) => ({
  ...(signal ? { signal } : {}),
  ...(fresh ? { cache: 'no-cache' as const } : {}),
});

/**
 * The public results (the paper's Table 1): no sign-in, so the calls carry no token.
 *
 * @example
 * const india = await resultsEndpoints(anon, '').indicators({ from: '2026-01', to: '2026-12' });
 */
export function resultsEndpoints(anon: ApiClient, baseUrl: string) {
  return {
    indicators: (query: ResultsQuery, signal?: AbortSignal, fresh?: boolean) =>
      data(anon.GET('/api/indicators', { params: { query }, ...init(signal, fresh) })),
    monthlyIndicators: (query: ResultsQuery, signal?: AbortSignal, fresh?: boolean) =>
      data(anon.GET('/api/indicators/monthly', { params: { query }, ...init(signal, fresh) })),
    indicatorsTable: (query: TableQuery, signal?: AbortSignal, fresh?: boolean) =>
      data(anon.GET('/api/indicators/table', { params: { query }, ...init(signal, fresh) })),
    /** A link that downloads the scope's figures as CSV (a plain GET: the figures are public). */
    indicatorsCsvUrl: (query: ResultsQuery): string => {
      const params = new URLSearchParams({ format: 'csv' });
      for (const [k, v] of Object.entries(query)) if (typeof v === 'string' && v) params.set(k, v);
      return `${baseUrl}/api/indicators?${params.toString()}`;
    },
  };
}
