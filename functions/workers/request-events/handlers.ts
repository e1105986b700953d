import type { BatchHandler, EventHandler } from './worker';
import { onRequestOpened } from './handlers/request-opened';

/**
 * Which handlers run for which event type. Each handler lives in `handlers/<name>.ts`; add one
 * line here per handler. Several handlers of one type run in order; each must be idempotent.
 */
export const eventHandlers: Record<string, EventHandler[]> = {
  'request.opened': [onRequestOpened],
};

/** Event types handled a batch at a time (see `BatchHandler`). */
export const batchHandlers: Record<string, BatchHandler> = {};
