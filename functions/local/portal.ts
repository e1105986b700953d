import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Env, Hono } from 'hono';
import { PORTAL_CONTENT_SECURITY_POLICY } from '../api/security/headers';

export const WEB_DIR = fileURLToPath(new URL('../../web', import.meta.url));
export const WEB_DIST = join(WEB_DIR, 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain',
};

/** Builds the portal with Vite when there is no build yet (first `npm start` on a fresh clone). */
export async function ensurePortalBuilt(log: (line: string) => void): Promise<void> {
  if (existsSync(join(WEB_DIST, 'index.html'))) return;
  log('Building the web portal (first run only)…');
  const { build } = await import('vite');
  await build({ configFile: join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn' });
}

/** Decodes a URL path; undefined for malformed percent-encoding (`/%`, `/assets/%ZZ.js`). */
function decodePath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

/**
 * Serves the built portal beside the API, as CloudFront does in AWS: files by path, and
 * index.html for any other GET that is not an API path (client-side routes), with the headers
 * CloudFront's response-headers policy adds (the API's middleware adds the rest).
 */
export function servePortal<E extends Env>(app: Hono<E>, dist = WEB_DIST): void {
  app.get('*', async (c, next) => {
    const path = c.req.path;
    if (path.startsWith('/api/') || path === '/health' || path === '/openapi.json' || path === '/docs') return next();
    const decoded = decodePath(path);
    if (decoded === undefined || decoded.includes('\0')) {
      return c.text('Bad request: the path is not valid percent-encoding.', 400, {
        'content-security-policy': PORTAL_CONTENT_SECURITY_POLICY,
      });
    }
    const file = normalize(join(dist, decoded));
    // Never serve outside dist/ (../ tricks); the separator keeps a sibling `dist-other/` out too.
    const safe = file.startsWith(dist + sep) && extname(file) !== '' && existsSync(file);
    const target = safe ? file : join(dist, 'index.html');
    if (!existsSync(target)) return next();
    const body = await readFile(target);
    const cache = target.startsWith(join(dist, 'assets') + sep) ? 'public, max-age=31536000, immutable' : 'no-cache';
    return c.body(body, 200, {
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      'cache-control': cache,
      'content-security-policy': PORTAL_CONTENT_SECURITY_POLICY,
    });
  });
}
