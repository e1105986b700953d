import type { Clock } from '../clock';
import { conflict } from '../errors';
import type { SubsidyProgramme } from './schema';

/**
 * Closes a programme: no award is co-financed by it any more. Closing twice is an error, so a
 * caller learns it raced another. Returning the unspent pool is the ledger's `close` transfer.
 *
 * @example
 * closeProgramme(programme, clock).status // 'closed'
 */
export function closeProgramme(programme: SubsidyProgramme, clock: Clock): SubsidyProgramme {
  if (programme.status === 'closed') throw conflict('SUBSIDY.PROGRAMME_CLOSED', `Programme ${programme.id} is already closed`, 'status');
  return { ...programme, status: 'closed', closedAt: new Date(clock.now()).toISOString() };
}
