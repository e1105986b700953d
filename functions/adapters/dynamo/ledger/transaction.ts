import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { availableDelta, entriesOf, type Effect, type TransferPlan } from '@bds/core';
import { entryItem, transferItem } from './items';
import { ledgerKeys } from './keys';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** What each item of a transaction stands for, so a cancellation reason can be read back. */
export type ItemRole =
  { role: 'transfer' } | { role: 'hold' } | { role: 'account'; account: string } | { role: 'entry' };

export interface LedgerTransaction {
  items: TransactItem[];
  roles: ItemRole[];
}

// Every condition that can fail returns the item as it was, so the cause can be named.
const ALL_OLD = 'ALL_OLD' as const;

/**
 * One account's update: ADD the deltas (ADD is commutative, so concurrent movements on one
 * pool never lose an update) and `available`, kept redundantly because a condition cannot do
 * arithmetic. The condition is the effect's guards: same currency, open, enough available.
 */
function accountUpdate(table: string, e: Effect, currency: string): TransactItem {
  const guards = ['(attribute_not_exists(#cur) OR #cur = :cur)'];
  if (e.requireOpen) guards.push('attribute_not_exists(#closed)');
  if (e.requireAvailable !== undefined) guards.push('#avail >= :need');
  return {
    Update: {
      TableName: table,
      Key: ledgerKeys.account(e.account),
      UpdateExpression:
        `SET #id = :id, #entity = :entity, #cur = :cur${e.close ? ', #closed = :true' : ''} ` +
        `ADD #dp :dp, #cp :cp, #dq :dq, #cq :cq, #avail :av`,
      ConditionExpression: guards.join(' AND '),
      ExpressionAttributeNames: {
        '#id': 'accountId',
        '#entity': 'entity',
        '#cur': 'currency',
        '#avail': 'available',
        '#dp': 'debitsPosted',
        '#cp': 'creditsPosted',
        '#dq': 'debitsPending',
        '#cq': 'creditsPending',
        ...(e.requireOpen || e.close ? { '#closed': 'closed' } : {}),
      },
      ExpressionAttributeValues: {
        ':id': e.account,
        ':entity': 'ledger-account',
        ':cur': currency,
        ':dp': e.debitsPosted,
        ':cp': e.creditsPosted,
        ':dq': e.debitsPending,
        ':cq': e.creditsPending,
        ':av': availableDelta(e),
        ...(e.requireAvailable !== undefined ? { ':need': e.requireAvailable } : {}),
        ...(e.close ? { ':true': true } : {}),
      },
      ReturnValuesOnConditionCheckFailure: ALL_OLD,
    },
  };
}

/**
 * A plan as ONE TransactWriteItems: the transfer (its id unused), the hold it resolves (still
 * pending), every account it touches (guards as conditions) and one statement line per account.
 * All or nothing: a failed condition anywhere writes nothing.
 *
 * @example
 * const { items } = ledgerTransaction('bds', plan); // hold: 5 items, post: 8, void: 6
 */
export function ledgerTransaction(table: string, plan: TransferPlan): LedgerTransaction {
  const { transfer, resolve } = plan;
  const items: TransactItem[] = [];
  const roles: ItemRole[] = [];
  const add = (item: TransactItem, role: ItemRole) => (items.push(item), roles.push(role));

  add(
    {
      Put: {
        TableName: table,
        Item: transferItem(transfer),
        ConditionExpression: 'attribute_not_exists(PK)',
        ReturnValuesOnConditionCheckFailure: ALL_OLD,
      },
    },
    { role: 'transfer' },
  );
  if (resolve) {
    add(
      {
        Update: {
          TableName: table,
          Key: ledgerKeys.transfer(resolve.pendingId),
          UpdateExpression: 'SET #state = :state, #by = :by, #posted = :posted',
          // The hold moves out of `pending` exactly once: the second resolver fails here.
          ConditionExpression: '#kind = :hold AND #state = :pending',
          ExpressionAttributeNames: {
            '#state': 'state',
            '#by': 'resolvedBy',
            '#posted': 'postedAmount',
            '#kind': 'kind',
          },
          ExpressionAttributeValues: {
            ':state': resolve.state,
            ':by': transfer.id,
            ':posted': resolve.postedAmount,
            ':hold': 'hold',
            ':pending': 'pending',
          },
          ReturnValuesOnConditionCheckFailure: ALL_OLD,
        },
      },
      { role: 'hold' },
    );
  }
  for (const e of plan.effects)
    add(accountUpdate(table, e, transfer.currency), { role: 'account', account: e.account });
  for (const entry of entriesOf(plan)) add({ Put: { TableName: table, Item: entryItem(entry) } }, { role: 'entry' });
  return { items, roles };
}
