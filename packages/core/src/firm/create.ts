import type { Clock } from '../clock';
import type { IdGenerator } from '../ids';
import { Firm, NewFirm } from './schema';

/** Where a new firm belongs and how it gets its id and timestamp. */
export interface FirmContext {
  clusterId: string;
  associationId: string;
  ids: IdGenerator;
  clock: Clock;
}

/**
 * Registers a member firm: validates the input (a `ZodError` names the field at fault) and
 * stamps id, tenant and creation time.
 *
 * @example
 * createFirm({ name: 'Sharma Hosiery', employees: 12, mechanised: true, womenLed: false }, ctx)
 */
export function createFirm(input: NewFirm, ctx: FirmContext): Firm {
  const data = NewFirm.parse(input);
  return Firm.parse({
    ...data,
    id: ctx.ids.next('firm'),
    clusterId: ctx.clusterId,
    associationId: ctx.associationId,
    createdAt: new Date(ctx.clock.now()).toISOString(),
  });
}
