import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  accountId,
  conflict,
  holdId,
  Money,
  parseAccountId,
  Provider,
  SubsidyProgramme,
  type LedgerTransfer,
  type ProgrammeScope,
} from '@bds/core';
import type { Db } from './db';
import type { Page } from './cursor';
import { queryPage, queryAll } from './page';
import { keys, withoutKeys } from './keys';
import { ledgerKeys } from './ledger/keys';
import { parseEntry, parseTransfer } from './ledger/items';
import { batchGet } from './ledger/reads';
import { parseRequest, requestKeys } from './requests';
import { isConditionFailure } from './transact';

/**
 * Where programmes live (docs/data-model.md, "Programmes"). Programmes are national reference
 * data like the cluster list: tens to hundreds, written rarely. The item sits in one `PROGRAMMES`
 * partition (list all: one Query), GSI1 lists a funder's own, and GSI2 is a sparse index per
 * scope that holds a programme only while it is open, so "applicable to an award" is three
 * Queries (national, the cluster's state, the cluster) whatever the number of closed ones.
 */
export const programmeKeys = {
  partition: 'PROGRAMMES',
  item: (programmeId: string) => ({ PK: programmeKeys.partition, SK: `PROGRAMME#${programmeId}` }),
  prefix: 'PROGRAMME#',
  funderPartition: (funderId: string) => `FUNDER#${funderId}#PROGRAMMES`,
  /** States are free text: compared trimmed and lower-cased, as core's `whyNotApplicable` does. */
  scopePartition(scope: ProgrammeScope): string {
    switch (scope.kind) {
      case 'national':
        return 'PRGSCOPE#national';
      case 'state':
        return programmeKeys.statePartition(scope.state);
      case 'cluster':
        return programmeKeys.clusterPartition(scope.clusterId);
    }
  },
  statePartition: (state: string) => `PRGSCOPE#state#${state.trim().toLowerCase()}`,
  clusterPartition: (clusterId: string) => `PRGSCOPE#cluster#${clusterId}`,
} as const;

/** What the close workflow records beside the policy: the close transfers and what they returned. */
export interface ProgrammeClosing {
  /** How many close transfers ran (the first closes; later ones sweep voids that came back). */
  closings: number;
  /** Minor units returned to the funder by those closes. */
  returned: number;
}

export type StoredProgramme = SubsidyProgramme & ProgrammeClosing;

/** One award a programme co-finances, and what became of the programme's part of it. */
export interface ProgrammeAward {
  clusterId: string;
  requestId: string;
  title: string;
  providerId: string;
  providerName: string;
  held: Money.Money;
  released: Money.Money;
  returned: Money.Money;
}

const quiet = () => undefined;
const sortKey = (t: LedgerTransfer) => `${t.at}#${t.id}`;

function item(p: SubsidyProgramme, closing: ProgrammeClosing): Record<string, unknown> {
  const open = p.status === 'open' ? { GSI2PK: programmeKeys.scopePartition(p.scope), GSI2SK: p.id } : {};
  return {
    ...programmeKeys.item(p.id),
    GSI1PK: programmeKeys.funderPartition(p.funderId),
    GSI1SK: p.id,
    ...open,
    entity: 'programme',
    ...p,
    ...closing,
  };
}

function providerOf(hold: LedgerTransfer): string {
  const ref = hold.beneficiary ? parseAccountId(hold.beneficiary) : undefined;
  if (ref?.kind !== 'payable') throw new Error(`Hold ${hold.id} names no payable`);
  return ref.providerId;
}

function parse(raw: Record<string, unknown>): StoredProgramme {
  const { closings, returned, ...rest } = withoutKeys(raw) as Record<string, unknown>;
  return { ...SubsidyProgramme.parse(rest), closings: Number(closings ?? 0), returned: Number(returned ?? 0) };
}

/**
 * Subsidy programmes: the funder's policy. The money is in the ledger (`pool:<programmeId>`).
 *
 * @example
 * const programmes = programmeStore(db);
 * await programmes.create(programme);
 * const open = await programmes.applicable(cluster.id, cluster.state);
 */
export function programmeStore(db: Db) {
  return {
    /** Writes a new programme; an id used before is a conflict. */
    async create(p: SubsidyProgramme): Promise<void> {
      try {
        await db.doc.send(
          new PutCommand({
            TableName: db.table,
            Item: item(p, { closings: 0, returned: 0 }),
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) throw conflict('PROGRAMME.EXISTS', `Programme ${p.id} already exists`, 'id');
        throw error;
      }
    },

    /** One programme with its closing record (strongly consistent: routes decide writes from it). */
    async get(programmeId: string): Promise<StoredProgramme | undefined> {
      const out = await db.doc.send(
        new GetCommand({ TableName: db.table, Key: programmeKeys.item(programmeId), ConsistentRead: true }),
      );
      return out.Item ? parse(out.Item) : undefined;
    },

    /** A funder's programmes, newest first (ids are ULIDs). */
    listByFunder(
      funderId: string,
      opts: { limit: number; cursor?: string | undefined },
    ): Promise<Page<StoredProgramme>> {
      const pk = programmeKeys.funderPartition(funderId);
      return queryPage(
        db,
        {
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ScanIndexForward: false,
          Limit: opts.limit,
        },
        { attribute: 'GSI1PK', value: pk },
        opts.cursor,
        parse,
      );
    },

    /** Every programme, newest first. */
    listAll(opts: { limit: number; cursor?: string | undefined }): Promise<Page<StoredProgramme>> {
      return queryPage(
        db,
        {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': programmeKeys.partition, ':sk': programmeKeys.prefix },
          ScanIndexForward: false,
          Limit: opts.limit,
        },
        { attribute: 'PK', value: programmeKeys.partition },
        opts.cursor,
        parse,
      );
    },

    /**
     * Every open programme whose scope covers a cluster: national, the cluster's state, or the
     * cluster itself. Three Queries on the sparse GSI2, sent together. Validity dates, category
     * and currency are core's to judge (`computeSubsidy`).
     */
    async applicable(clusterId: string, state: string): Promise<StoredProgramme[]> {
      const partitions = [
        'PRGSCOPE#national',
        programmeKeys.statePartition(state),
        programmeKeys.clusterPartition(clusterId),
      ];
      const pages = await Promise.all(
        partitions.map((pk) =>
          queryAll(
            db,
            { IndexName: 'GSI2', KeyConditionExpression: 'GSI2PK = :pk', ExpressionAttributeValues: { ':pk': pk } },
            parse,
          ),
        ),
      );
      // The index is eventually consistent: a just-closed programme may linger; the item says.
      return pages.flat().filter((p) => p.status === 'open');
    },

    /**
     * Marks a programme closed and takes it out of the applicable index. Idempotent: closing a
     * closed programme keeps its first `closedAt`.
     */
    async setStatus(programmeId: string, status: 'closed', closedAt: string): Promise<void> {
      await db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: programmeKeys.item(programmeId),
          UpdateExpression: 'SET #status = :status, closedAt = if_not_exists(closedAt, :at) REMOVE GSI2PK, GSI2SK',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':status': status, ':at': closedAt },
        }),
      );
    },

    /**
     * Records a close transfer's result: the n-th close returned `amount`. Conditioned on the
     * previous count, so a retried close is recorded once; returns false when it already was.
     */
    async recordClosing(programmeId: string, closing: number, amount: number, closedAt: string): Promise<boolean> {
      try {
        await db.doc.send(
          new UpdateCommand({
            TableName: db.table,
            Key: programmeKeys.item(programmeId),
            UpdateExpression:
              'SET #status = :closed, closedAt = if_not_exists(closedAt, ' +
              ':at), closings = :n ADD returned :amount REMOVE GSI2PK, GSI2SK',
            ConditionExpression:
              closing === 1
                ? 'attribute_exists(PK) AND (attribute_not_exists(closings) OR closings = :prev)'
                : 'closings = :prev',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':closed': 'closed',
              ':at': closedAt,
              ':n': closing,
              ':prev': closing - 1,
              ':amount': amount,
            },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    /**
     * Where a programme's money went, one row per award, oldest first. A page reads the pool's
     * statement (its hold lines only), then in one BatchGetItem each the holds of the page, the
     * awarded requests, every hold of this programme on those awards (ids are derived:
     * `hold:<award>:m<i>:<programme>`) and the providers. An award is listed on the page that
     * holds its earliest hold line, so no award appears twice. A page may hold fewer than
     * `limit` rows (the filter runs after the limit); follow `nextCursor`.
     */
    async awards(
      programme: Pick<SubsidyProgramme, 'id' | 'currency'>,
      opts: { limit: number; cursor?: string | undefined },
    ): Promise<Page<ProgrammeAward>> {
      const pk = ledgerKeys.accountPartition(accountId({ kind: 'pool', programmeId: programme.id }));
      const page = await queryPage(
        db,
        {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :entry)',
          FilterExpression: '#kind = :hold',
          ExpressionAttributeNames: { '#kind': 'kind' },
          ExpressionAttributeValues: { ':pk': pk, ':entry': ledgerKeys.entryPrefix, ':hold': 'hold' },
          ConsistentRead: true,
          Limit: opts.limit,
        },
        { attribute: 'PK', value: pk },
        opts.cursor,
        parseEntry,
      );
      const onPage = new Set(page.items.map((e) => e.transferId));
      const holds = (
        await batchGet(
          db,
          page.items.map((e) => ledgerKeys.transfer(e.transferId)),
          'programme-awards',
          quiet,
        )
      ).flatMap((raw) => (raw ? [parseTransfer(raw)] : []));
      const awards = [
        ...new Map(
          holds.map((h) => {
            const escrow = parseAccountId(h.credit);
            if (escrow.kind !== 'escrow') throw new Error(`Hold ${h.id} does not credit an escrow`);
            return [escrow.awardId, escrow] as const;
          }),
        ).values(),
      ];
      const requests = (
        await batchGet(
          db,
          awards.map((a) => requestKeys.item(a.clusterId, a.awardId)),
          'programme-awards',
          quiet,
        )
      ).flatMap((raw) => (raw ? [parseRequest(raw)] : []));
      const holdIds = requests.flatMap((r) => r.milestones.map((_, i) => holdId(r.id, i, programme.id)));
      const allHolds = (
        await batchGet(
          db,
          holdIds.map((id) => ledgerKeys.transfer(id)),
          'programme-awards',
          quiet,
        )
      ).flatMap((raw) => (raw ? [parseTransfer(raw)] : []));
      const byAward = new Map<string, LedgerTransfer[]>();
      for (const h of allHolds) {
        const escrow = parseAccountId(h.credit);
        if (escrow.kind === 'escrow') byAward.set(escrow.awardId, [...(byAward.get(escrow.awardId) ?? []), h]);
      }
      const rows = requests.flatMap((r) => {
        const own = [...(byAward.get(r.id) ?? [])].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
        const first = own[0];
        return first && onPage.has(first.id) ? [{ request: r, holds: own }] : [];
      });
      const providerIds = [...new Set(rows.flatMap(({ holds: hs }) => hs.map((h) => providerOf(h))))];
      const providers = new Map(
        (
          await batchGet(
            db,
            providerIds.map((id) => keys.provider(id)),
            'programme-awards',
            quiet,
          )
        )
          .flatMap((raw) => (raw ? [Provider.parse(withoutKeys(raw))] : []))
          .map((p) => [p.id, p.name]),
      );
      const m = (amount: number) => Money.money(amount, programme.currency);
      return {
        items: rows.map(({ request, holds: hs }) => {
          const providerId = providerOf(hs[0]!);
          const sum = (f: (h: LedgerTransfer) => number) => hs.reduce((s, h) => s + f(h), 0);
          return {
            clusterId: request.clusterId,
            requestId: request.id,
            title: request.title,
            providerId,
            providerName: providers.get(providerId) ?? providerId,
            held: m(sum((h) => (h.state === 'pending' ? h.amount : 0))),
            released: m(sum((h) => (h.state === 'posted' ? (h.postedAmount ?? h.amount) : 0))),
            returned: m(
              sum((h) =>
                h.state === 'voided' ? h.amount : h.state === 'posted' ? h.amount - (h.postedAmount ?? h.amount) : 0,
              ),
            ),
          };
        }),
        nextCursor: page.nextCursor,
      };
    },
  };
}
export type ProgrammeStore = ReturnType<typeof programmeStore>;
