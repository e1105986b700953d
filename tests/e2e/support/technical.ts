import type { Page } from 'playwright-core';

/**
 * Words a person should never read on a page: units and names that belong to the API, not to the
 * people using the portal. Each entry says why it is there, so a failure explains itself.
 */
const TOKENS: { why: string; pattern: RegExp }[] = [
  { why: 'a unit of the API (say percent)', pattern: /\bbasis points?\b/gi },
  { why: 'a unit of the API (say ₹)', pattern: /\bpais[ae]\b/gi },
  { why: 'a field name in camelCase', pattern: /\b[a-z]+(?:[A-Z][a-z0-9]*)+\b/g },
  { why: 'a raw id where a name belongs', pattern: /\b[a-z]{3}_[0-9A-HJKMNP-TV-Z]{26}\b/g },
  { why: 'an error code', pattern: /\b[A-Z]{2,}\.[A-Z][A-Z_]{2,}\b/g },
  { why: 'a machine timestamp (show IST)', pattern: /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/g },
  { why: 'a value the page failed to format', pattern: /\bundefined\b|\bNaN\b|\[object Object\]/g },
];

/** Addresses are typed by people and links carry tokens: neither is prose, so neither is read. */
const NOT_PROSE = /https?:\/\/\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|#token=\S+/g;

/**
 * The technical tokens in a page's text, each as `“token” (why)`, in order of appearance.
 *
 * @example
 * technicalTokens('Shares must sum to 10000 basis points') // ['“basis points” (a unit of the API (say percent))']
 */
export function technicalTokens(text: string): string[] {
  const prose = text.replace(NOT_PROSE, ' ');
  const found: { at: number; what: string }[] = [];
  for (const { why, pattern } of TOKENS)
    for (const m of prose.matchAll(pattern)) found.push({ at: m.index, what: `“${m[0]}” (${why})` });
  return found.sort((a, b) => a.at - b.at).map((f) => f.what);
}

/**
 * The text a person reads in the page's `main`: every text node, except those inside `pre`, `code`
 * and `[data-technical]` (the outbox's raw mail, the dead letters' payloads: pages for operators
 * that show a message as it was sent, on purpose), and form fields' values (what the person typed).
 */
export async function readableText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const root = document.querySelector('main') ?? document.body;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (parent?.closest('pre, code, [data-technical], script, style, [hidden]')) continue;
      parts.push(n.textContent ?? '');
    }
    // Placeholders and accessible names are read too (by screen readers and by people).
    for (const el of root.querySelectorAll('[placeholder], [aria-label]')) {
      parts.push(el.getAttribute('placeholder') ?? '', el.getAttribute('aria-label') ?? '');
    }
    return parts.join(' ');
  });
}
