import { DomainError, LEDGER_ERROR, type LedgerCommand } from '@bds/core';
import type { LedgerStore } from '../adapters/dynamo/ledger';

/**
 * Carries decided escrow commands to the ledger, in order. Each id is derived from its hold, so
 * running them again replays. A void of a hold that was never made (a cancellation or a refusal
 * that came first) has nothing to return and is skipped.
 *
 * @example
 * await settleEscrow(stores.ledger, acceptMilestone(record, 0, lead, at).commands);
 */
export async function settleEscrow(
  ledger: Pick<LedgerStore, 'execute'>,
  commands: readonly LedgerCommand[],
): Promise<void> {
  for (const command of commands) {
    try {
      await ledger.execute(command);
    } catch (error) {
      if (command.kind === 'void' && error instanceof DomainError && error.code === LEDGER_ERROR.pendingNotFound)
        continue;
      throw error;
    }
  }
}
