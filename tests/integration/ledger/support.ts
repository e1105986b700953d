import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '@bds/core';
import type { Db } from '../../../functions/adapters/dynamo/db';
import { ledgerStore, type LedgerRoundTrip } from '../../../functions/adapters/dynamo/ledger';
import { freshTable } from '../support/dynamo';

/** A movable clock: the model-based test steps it so both ledgers stamp the same instant. */
export const movableClock = (start: number): Clock & { set(ms: number): void } => {
  let now = start;
  return { now: () => now, set: (ms) => void (now = ms) };
};

/** A ledger store on a fresh table, recording every DynamoDB call it makes. */
export async function ledgerOnFreshTable(clock: Clock) {
  const table = await freshTable();
  const db: Db = { client: table.client, doc: DynamoDBDocumentClient.from(table.client, { marshallOptions: { removeUndefinedValues: true } }), table: table.tableName };
  const trips: LedgerRoundTrip[] = [];
  const ledger = ledgerStore(db, { clock, observe: (rt) => trips.push(rt) });
  return { db, ledger, trips, close: () => table.client.destroy() };
}
export type LedgerFixture = Awaited<ReturnType<typeof ledgerOnFreshTable>>;

/** Runs `act` and returns the domain error code it threw, or 'ok'. */
export async function outcome(act: () => Promise<unknown>): Promise<string> {
  try {
    await act();
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}
