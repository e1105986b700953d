/** How often and how patiently to try again: full-jitter exponential backoff, capped. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The pause before attempt n + 1 is random in [0, min(capMs, baseMs · 2ⁿ)). */
  baseMs: number;
  capMs: number;
}

/** DynamoDB's advice for throttling and colliding transactions; the stores' default. */
export const DYNAMO_RETRY: RetryPolicy = { attempts: 8, baseMs: 10, capMs: 200 };

/** Thrown by an operation to ask for another attempt when no SDK error says so (a version lost). */
export class TryAgain extends Error {
  override readonly name = 'TryAgain';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `op` until it succeeds, or throws what `retryIf` does not accept, or the attempts are
 * spent (then its last error is thrown). Every retry loop of the stores goes through here, so
 * they all back off alike: random pauses spread writers that collided, instead of having them
 * collide again in step.
 *
 * @example
 * const out = await retry(() => db.doc.send(command), { retryIf: isTransactionConflict });
 */
export async function retry<T>(
  op: (attempt: number) => Promise<T>,
  opts: { retryIf: (error: unknown) => boolean; policy?: RetryPolicy },
): Promise<T> {
  const policy = opts.policy ?? DYNAMO_RETRY;
  for (let attempt = 1; ; attempt++) {
    try {
      return await op(attempt);
    } catch (error) {
      if (attempt >= policy.attempts || !opts.retryIf(error)) throw error;
      await sleep(Math.random() * Math.min(policy.capMs, policy.baseMs * 2 ** attempt));
    }
  }
}

/**
 * Sends `pending` until DynamoDB has processed every item of a batch call: under throttling a
 * BatchGetItem or BatchWriteItem hands some back unprocessed, to be sent again after a pause.
 *
 * @example
 * await untilProcessed(requests, async (batch) => (await send(batch)).UnprocessedItems?.[table] ?? []);
 */
export async function untilProcessed<T>(
  pending: readonly T[],
  send: (batch: T[]) => Promise<readonly T[] | undefined>,
) {
  let left = [...pending];
  await retry(
    async () => {
      if (left.length === 0) return;
      left = [...((await send(left)) ?? [])];
      if (left.length > 0) throw new Unprocessed(left.length);
    },
    { retryIf: (error) => error instanceof Unprocessed, policy: { ...DYNAMO_RETRY, attempts: 10 } },
  );
}

/** A batch call left items unprocessed after every attempt. */
export class Unprocessed extends Error {
  override readonly name = 'Unprocessed';
  constructor(readonly count: number) {
    super(`DynamoDB left ${count} items of a batch call unprocessed`);
  }
}
