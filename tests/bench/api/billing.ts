import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from '../../../functions/adapters/dynamo/db';

/** What AWS would bill for the DynamoDB calls and mails of one operation (on-demand request units). */
export interface Billed {
  /** Read request units (RRU). */
  rru: number;
  /** Write request units (WRU), GSI writes and the per-cluster rate-limit counter included. */
  wru: number;
  /** DynamoDB calls of any kind. */
  calls: number;
  /** Mails sent (SES messages): the local mailbox's writes, left out of the units above. */
  mails: number;
}

const scope = new AsyncLocalStorage<Billed>();
const MIDDLEWARE = 'bdsBillingMeter';
type Capacity = { CapacityUnits?: number } | { CapacityUnits?: number }[] | undefined;
type TransactItem = { ConditionCheck?: unknown; Put?: { Item?: { entity?: unknown } } };
type Input = { TransactItems?: TransactItem[]; Item?: { entity?: unknown }; ReturnConsumedCapacity?: string };

const unitsOf = (c: Capacity): number =>
  (Array.isArray(c) ? c : c ? [c] : []).reduce((s, x) => s + (x.CapacityUnits ?? 0), 0);

/**
 * Units as AWS bills them, from what DynamoDB Local reports: Local follows AWS for single-item calls (1 WRU per KB,
 * GSI writes included; 0.5 RRU per 4 KB eventually consistent), but reports 4 WRU per KB and item in a
 * `TransactWriteItems` and nothing for a `ConditionCheck`, where AWS bills 2 WRU per KB and item, ConditionChecks
 * included (measured on DynamoDB Local 1.25 for this bench; an item of a check is taken as ≤ 1 KB).
 */
export function awsUnits(command: string, input: Input, localUnits: number): number {
  if (command !== 'TransactWriteItems') return localUnits;
  const checks = (input.TransactItems ?? []).filter((i) => i.ConditionCheck !== undefined).length;
  return localUnits / 2 + 2 * checks;
}

const isMail = (input: Input): boolean =>
  input.Item?.entity === 'mail' || (input.TransactItems ?? []).some((i) => i.Put?.Item?.entity === 'mail');

/**
 * Bills every call through `db`'s client to the current {@link billed} scope. Installed once per client; outside
 * a scope it only asks for the consumed capacity.
 *
 * @example
 * billDb(db); const { result, bill } = await billed(() => app.request('/api/clusters'));
 */
export function billDb(db: Db): Db {
  if (db.doc.middlewareStack.identify().some((m) => m.startsWith(MIDDLEWARE))) return db;
  db.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Input;
      input.ReturnConsumedCapacity = 'TOTAL';
      const bill = scope.getStore();
      const out = await next(args);
      if (!bill) return out;
      const command = String(context.commandName ?? 'Unknown').replace(/Command$/, '');
      if (isMail(input)) {
        bill.mails++;
        return out;
      }
      bill.calls++;
      const units = awsUnits(command, input, unitsOf((out.output as { ConsumedCapacity?: Capacity }).ConsumedCapacity));
      if (/^(Get|BatchGet|TransactGet)Item|^Query|^Scan/.test(command)) bill.rru += units;
      else bill.wru += units;
      return out;
    },
    { step: 'initialize', name: MIDDLEWARE },
  );
  return db;
}

/**
 * Runs `fn` and returns what AWS would bill for the calls it made through a billed client (failed calls are billed
 * nothing here, as the capacity of a refused condition is not reported).
 *
 * @example
 * const { bill } = await billed(() => handler(event));
 */
export async function billed<T>(fn: () => Promise<T>): Promise<{ result: T; bill: Billed }> {
  const bill: Billed = { rru: 0, wru: 0, calls: 0, mails: 0 };
  const result = await scope.run(bill, fn);
  return { result, bill };
}
