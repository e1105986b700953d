import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { GENERATED, generateApiTypes } from '../../../scripts/gen-api';

describe('the portal API types', () => {
  it('are the types the route table generates today (run npm run gen:api when this fails)', async () => {
    // Prepare
    const committed = await readFile(GENERATED, 'utf8');

    // Act
    const fresh = await generateApiTypes();

    // Assess
    expect(committed === fresh, `${GENERATED} is stale: run npm run gen:api and commit it`).toBe(true);
  }, 60_000);

  it('name every operation of the route table', async () => {
    // Prepare
    const { allRoutes } = await import('../../../functions/api/routes');

    // Act
    const source = await generateApiTypes();

    // Assess
    const missing = allRoutes.map((r) => r.operationId).filter((id) => !source.includes(`    ${id}: {`));
    expect(missing).toEqual([]);
  }, 60_000);
});
