import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalStack } from '../../functions/local/stack';
import { CLUSTERS, DEMO_PASSWORD, DEMO_USERS } from '../../functions/local/seed/data';
import { TEST_SCRYPT } from '../support/passwords';

const knidgro = DEMO_USERS.find((u) => u.slug === 'knidgro')!.email;
const ludhiana = CLUSTERS.ludhiana.id;

describe('the local stack behind npm start', () => {
  let dataDir = '';
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it(
    'keeps a posted request across a restart, seeds only once, and leaves no Java process behind',
    { timeout: 180_000 },
    async () => {
      // Prepare: a fresh data folder and a first start.
      dataDir = await mkdtemp(join(tmpdir(), 'bds-stack-'));
      const lines: string[] = [];
      const first = await startLocalStack({
        port: 0,
        dataDir,
        reset: true,
        log: (l) => lines.push(l),
        logLevel: 'warn',
        scrypt: TEST_SCRYPT,
      });
      const json = { 'content-type': 'application/json' };
      const session = await (
        await fetch(`${first.url}/api/auth/sign-in`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ email: knidgro, password: DEMO_PASSWORD }),
        })
      ).json();
      const auth = { ...json, authorization: `Bearer ${session.accessToken}` };
      const now = Date.now();
      const posted = await (
        await fetch(`${first.url}/api/clusters/${ludhiana}/requests`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({
            title: 'Fashion forecasting workshop',
            category: 'design',
            specification: 'Two days on colour and trend forecasting for the winter season, with NIFT faculty.',
            deliverables: ['Workshop', 'Trend book'],
            place: 'Ludhiana',
            deliveryWindow: {
              start: new Date(now + 40 * 864e5).toISOString().slice(0, 10),
              end: new Date(now + 41 * 864e5).toISOString().slice(0, 10),
            },
            biddingDeadline: new Date(now + 20 * 864e5).toISOString(),
            minFirms: 5,
            maxFirms: 15,
            weights: { price: 40, quality: 60 },
            milestones: [{ name: 'Workshop held', shareBasisPoints: 10000 }],
            visibility: 'cluster',
            currency: 'INR',
          }),
        })
      ).json();
      expect(posted.id).toMatch(/^req_/);
      const firstJava = first.dynamoPid;
      await first.stop();

      // Act: start again on the same data folder.
      lines.length = 0;
      const second = await startLocalStack({
        port: 0,
        dataDir,
        log: (l) => lines.push(l),
        logLevel: 'warn',
        scrypt: TEST_SCRYPT,
      });
      try {
        const res = await fetch(`${second.url}/api/clusters/${ludhiana}/requests/${posted.id}`, { headers: auth });
        // Assess: same request, same signing key (the token still works), no second seeding.
        expect(res.status).toBe(200);
        expect((await res.json()).title).toBe('Fashion forecasting workshop');
        expect(lines.join('\n')).toContain('Demo data already present');
        // The seeded open requests' deadlines are armed again (timers do not survive a restart).
        expect(lines.join('\n')).toMatch(/Scheduled [1-9]\d* request deadlines/);
        expect((await fetch(`${second.url}/health`)).status).toBe(200);
        expect((await fetch(`${second.url}/`)).headers.get('content-type')).toContain('text/html');
      } finally {
        await second.stop();
      }
      expect(() => process.kill(firstJava, 0)).toThrow();
      expect(() => process.kill(second.dynamoPid, 0)).toThrow();
    },
  );
});
