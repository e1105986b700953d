import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Env, Hono } from 'hono';

export const WEB_DIR = fileURLToPath(new URL('../../web', import.meta.url));
export const WEB_DIST = join(WEB_DIR, 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.txt': 'text/plain',
};

/** Builds the portal with Vite when there is no build yet (first `npm start` on a fresh clone). */
export async function ensurePortalBuilt(log: (line: string) => void): Promise<void> {
  if (existsSync(join(WEB_DIST, 'index.html'))) return;
  log('Building the web portal (first run only)…');
  const { build } = await import('vite');
  await build({ configFile: join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn' });
}

/**
 * Serves the built portal beside the API, as CloudFront does in AWS: files by path, and
 * index.html for any other GET that is not an API path (client-side routes).
 */
export function servePortal<E extends Env>(app: Hono<E>): void {
  app.get('*', async (c, next) => {
    const path = c.req.path;
    if (path.startsWith('/api/') || path === '/health' || path === '/openapi.json' || path === '/docs') return next();
    const file = normalize(join(WEB_DIST, decodeURIComponent(path)));
    // Never serve outside dist/ (../ tricks).
    const safe = file.startsWith(WEB_DIST) && extname(file) !== '' && existsSync(file);
    const target = safe ? file : join(WEB_DIST, 'index.html');
    if (!existsSync(target)) return next();
    const body = await readFile(target);
    const cache = target.includes(`${join(WEB_DIST, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    return c.body(body, 200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream', 'cache-control': cache });
  });
}
