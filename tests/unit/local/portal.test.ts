import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePortal } from '../../../functions/local/portal';

describe('the local portal server', () => {
  let root: string;
  let app: Hono;

  beforeAll(async () => {
    // Prepare: dist/ with an index and an asset, and a sibling folder whose name starts like it
    root = await mkdtemp(join(tmpdir(), 'portal-'));
    await mkdir(join(root, 'dist', 'assets'), { recursive: true });
    await mkdir(join(root, 'dist-private'));
    await writeFile(join(root, 'dist', 'index.html'), '<!doctype html><title>portal</title>');
    await writeFile(join(root, 'dist', 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(root, 'dist-private', 'secret.txt'), 'the secret');
    app = new Hono();
    servePortal(app, join(root, 'dist'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it.each(['/%', '/assets/%ZZ.js', '/%E0%A4%A', '/a%00.js'])(
    'answers 400 for malformed encoding %s, not 500',
    async (path) => {
      const res = await app.request(path);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    },
  );

  it('never serves a sibling folder whose name starts with dist', async () => {
    const res = await app.request('/..%2Fdist-private%2Fsecret.txt');
    expect(await res.text()).not.toContain('the secret');
  });

  it('serves assets and client-side routes with its content security policy', async () => {
    const asset = await app.request('/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const page = await app.request('/clusters/clu_x');
    expect(await page.text()).toContain('<title>portal</title>');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
