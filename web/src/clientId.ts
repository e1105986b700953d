/**
 * An idempotency id chosen by the portal (`dep_…`, `pay_…`): sent with a money call, and sent
 * again unchanged when the call is retried, so the API does the work once. Matches the API's
 * `[A-Za-z0-9_-]{1,64}`.
 *
 * @example
 * clientId('dep') // 'dep_lq2k9x_3f9a1c7e2b'
 */
export function clientId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  const random = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${prefix}_${Date.now().toString(36)}_${random}`;
}
