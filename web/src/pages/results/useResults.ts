import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi, type Api } from '../../api';
import type { ResultsQuery } from '../../api/operations/results';
import type { Indicators, IndicatorsTable, Monthly } from './figures';

/** How often the page asks again while it is visible. */
export const POLL_MS = 15_000;

export interface Results {
  scope: Indicators;
  monthly: Monthly;
  table: IndicatorsTable;
}

export interface ResultsState {
  data: Results | undefined;
  error: unknown;
  loading: boolean;
  /** When the figures on screen were read. */
  at: Date | undefined;
  refresh(): void;
}

function load(api: Api, query: ResultsQuery, signal: AbortSignal, fresh: boolean): Promise<Results> {
  const { clusterId: _c, ...period } = query;
  return Promise.all([
    api.indicators(query, signal, fresh),
    api.monthlyIndicators(query, signal, fresh),
    api.indicatorsTable({ ...period }, signal, fresh),
  ]).then(([scope, monthly, table]) => ({ scope, monthly, table }));
}

/**
 * The figures of one scope and period, kept current: read again every 15 s while the page is
 * visible, and at once (past the browser's cache) when asked. The last figures stay on screen
 * while new ones load, so nothing flickers.
 *
 * @example
 * const results = useResults({ state: 'Punjab', from: '2026-01', to: '2026-12' });
 */
export function useResults(query: ResultsQuery): ResultsState {
  const api = useApi();
  const [round, setRound] = useState(0);
  const fresh = useRef(false);
  const [state, setState] = useState<Omit<ResultsState, 'refresh'>>({
    data: undefined,
    error: undefined,
    loading: true,
    at: undefined,
  });
  const { state: st, from, to, clusterId } = query;
  useEffect(() => {
    const controller = new AbortController();
    const q: ResultsQuery = {
      ...(st ? { state: st } : {}),
      ...(clusterId ? { clusterId } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    };
    setState((s) => ({ ...s, loading: true }));
    load(api, q, controller.signal, fresh.current).then(
      (data) => !controller.signal.aborted && setState({ data, error: undefined, loading: false, at: new Date() }),
      (error: unknown) => !controller.signal.aborted && setState((s) => ({ ...s, error, loading: false })),
    );
    fresh.current = false;
    return () => controller.abort();
  }, [api, st, from, to, clusterId, round]);
  useEffect(() => {
    const timer = setInterval(() => document.visibilityState === 'visible' && setRound((r) => r + 1), POLL_MS);
    return () => clearInterval(timer);
  }, []);
  const refresh = useCallback(() => {
    fresh.current = true;
    setRound((r) => r + 1);
  }, []);
  return { ...state, refresh };
}
