import { useRuntimeConfig } from '../api';

/** The stage whose API serves `GET /api/outbox` (its route is local-only, functions/api/app.ts). */
const OUTBOX_STAGE = 'local';

/**
 * Whether this stage keeps a local outbox (a local stack does; in AWS mail goes out by SES).
 * Read from the stage in `/config.json` rather than asked of the API, so no page load spends a
 * request (or logs a 404) to find out.
 *
 * @example
 * const hasOutbox = useOutboxAvailable(); hasOutbox && <Link to={paths.outbox()}>Outbox</Link>
 */
export function useOutboxAvailable(): boolean {
  return useRuntimeConfig().stage === OUTBOX_STAGE;
}
