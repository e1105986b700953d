import { beforeAll, describe, expect, it } from 'vitest';
import { measure } from '../../../functions/adapters/dynamo/metrics';
import type { Stores } from '../../../functions/adapters/dynamo/stores';
import { CLUSTER, LEAD, aFirm, codeOf, freshStores, ids } from './fixtures';

describe('firm store', () => {
  let stores: Stores;
  beforeAll(async () => ({ stores } = await freshStores()));
  const all = async (associationId: string) => {
    const out = [];
    let cursor: string | undefined;
    do {
      const page = await stores.firms.listByAssociation(CLUSTER, associationId, {
        limit: 40,
        ...(cursor ? { cursor } : {}),
      });
      out.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  };

  it('registers a firm with one conditional Put and lists it under its association only', async () => {
    const association = ids.next('association');
    const firm = aFirm(association);
    const { usage } = await measure(() => stores.firms.create(firm));
    expect(usage).toMatchObject({ writeCalls: 1, readCalls: 0, commands: ['PutItem'] });
    expect(await all(association)).toEqual([firm]);
    expect((await all(LEAD)).some((f) => f.id === firm.id)).toBe(false);
    expect(await codeOf(stores.firms.create(firm))).toBe('FIRM.EXISTS');
  });

  it('imports up to 100 firms in one transaction, all or none', async () => {
    const association = ids.next('association');
    const firms = Array.from({ length: 100 }, (_, i) => aFirm(association, `Firm ${i}`));
    const { usage } = await measure(() => stores.firms.createMany(firms));
    expect(usage).toMatchObject({ writeCalls: 1, commands: ['TransactWriteItems'] });
    expect(await all(association)).toHaveLength(100);
    // One firm already there: the whole batch is refused and nothing else is written.
    const again = [aFirm(association, 'New one'), firms[0]!];
    expect(await codeOf(stores.firms.createMany(again))).toBe('FIRM.EXISTS');
    expect(await all(association)).toHaveLength(100);
  });

  it('imports a bigger register in batches of 25', async () => {
    const association = ids.next('association');
    const firms = Array.from({ length: 130 }, (_, i) => aFirm(association, `Firm ${i}`));
    const { usage } = await measure(() => stores.firms.createMany(firms));
    expect(usage.commands).toEqual(Array(6).fill('BatchWriteItem'));
    expect(await all(association)).toHaveLength(130);
  });

  it('pages the register and refuses a cursor of another list', async () => {
    const association = ids.next('association');
    await stores.firms.createMany(Array.from({ length: 5 }, (_, i) => aFirm(association, `Firm ${i}`)));
    const page = await stores.firms.listByAssociation(CLUSTER, association, { limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();
    const other = ids.next('association');
    expect(await codeOf(stores.firms.listByAssociation(CLUSTER, other, { limit: 2, cursor: page.nextCursor! }))).toBe(
      'PAGE.BAD_CURSOR',
    );
    expect(
      await codeOf(
        stores.firms.listByAssociation(ids.next('cluster'), association, { limit: 2, cursor: page.nextCursor! }),
      ),
    ).toBe('PAGE.BAD_CURSOR');
  });
});
