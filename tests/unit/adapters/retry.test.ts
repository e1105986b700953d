import { describe, expect, it } from 'vitest';
import { TryAgain, Unprocessed, retry, untilProcessed } from '../../../functions/adapters/dynamo/retry';

const quick = { attempts: 4, baseMs: 1, capMs: 2 };

describe('the one retry helper', () => {
  it('tries again while retryIf accepts the error, then returns the result', async () => {
    // Prepare
    const attempts: number[] = [];

    // Act
    const result = await retry(
      async (attempt) => {
        attempts.push(attempt);
        if (attempt < 3) throw new TryAgain('not yet');
        return 'done';
      },
      { retryIf: (e) => e instanceof TryAgain, policy: quick },
    );

    // Assess
    expect(result).toBe('done');
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('throws the last error once the attempts are spent, and any other error at once', async () => {
    // Prepare
    let calls = 0;
    const always = () =>
      retry(
        async () => {
          calls++;
          throw new TryAgain('never');
        },
        { retryIf: (e) => e instanceof TryAgain, policy: quick },
      );
    const other = () =>
      retry(
        async () => {
          throw new Error('boom');
        },
        { retryIf: (e) => e instanceof TryAgain, policy: quick },
      );

    // Act / Assess
    await expect(always()).rejects.toThrow('never');
    expect(calls).toBe(4);
    await expect(other()).rejects.toThrow('boom');
  });

  it('sends unprocessed batch items again until none is left, or gives up naming how many', async () => {
    // Prepare
    const sent: string[][] = [];
    const halfEachTime = async (batch: string[]) => {
      sent.push(batch);
      return batch.slice(1);
    };

    // Act
    await untilProcessed(['a', 'b', 'c'], halfEachTime);
    const stuck = untilProcessed(['x'], async (batch) => batch);

    // Assess
    expect(sent).toEqual([['a', 'b', 'c'], ['b', 'c'], ['c']]);
    await expect(stuck).rejects.toBeInstanceOf(Unprocessed);
  });
});
