import { createHash } from 'node:crypto';
import { apiReferencePage } from '../reference-page';

/**
 * What every API response carries. API Gateway's HTTP API has no response-headers policy (that
 * is CloudFront's, and it fronts only the portal), so the app sets them itself; JSON is never
 * meant to render, hence a CSP that allows nothing.
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const inline = (page: string, tag: string) =>
  [...page.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);

/**
 * The reference page's CSP: its one inline script and style, by hash (no 'unsafe-inline'), and
 * fetches to this origin only (it reads /openapi.json).
 */
export function docsContentSecurityPolicy(page = apiReferencePage()): string {
  return [
    "default-src 'none'",
    `script-src ${inline(page, 'script').map(sha256).join(' ')}`,
    `style-src ${inline(page, 'style').map(sha256).join(' ')}`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The local portal's CSP, as CloudFront's response-headers policy sends it in AWS (infra/web.ts),
 * with the API on the same origin.
 */
export const PORTAL_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Sets each security header the response does not set itself (the portal and /docs bring their own CSP). */
export function applySecurityHeaders(headers: Headers): void {
  for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) if (!headers.has(name)) headers.set(name, value);
}
