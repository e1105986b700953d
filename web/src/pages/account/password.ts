import type { Placed } from '../../hooks/useForm';
import { t } from '../../i18n';

/** The API's policy (functions/api/routes/account.ts): length over composition rules. */
export const MIN_PASSWORD = 12;

/** The repetition's input id; the new password's is the API's field name (`newPassword`, `password`). */
export const AGAIN_ID = 'password-again';

/**
 * Checks a new password and its repetition before the call, placing messages by input id.
 *
 * @example
 * checkNewPassword({}, 'password', { password: 'short', again: 'short' })
 * // { password: ['Use at least 12 characters'] }
 */
export function checkNewPassword(placed: Placed, id: string, input: { password: string; again: string }): Placed {
  if (input.password.length < MIN_PASSWORD) (placed[id] ??= []).push(t('changePassword.tooShort'));
  else if (input.password !== input.again) (placed[AGAIN_ID] ??= []).push(t('changePassword.mismatch'));
  return placed;
}

/**
 * The token of a mailed link: it rides in the fragment (`#token=…`), which no server sees.
 *
 * @example
 * tokenOf('#token=abc') // 'abc'
 */
export const tokenOf = (hash: string): string | undefined =>
  new URLSearchParams(hash.replace(/^#/, '')).get('token') || undefined;

const BROWSERS: [RegExp, string][] = [
  [/Edg\//, 'Edge'],
  [/OPR\//, 'Opera'],
  [/Firefox\//, 'Firefox'],
  [/Chrome\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPad/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/**
 * A session's device in a few words ("Firefox on Windows") from its user agent; undefined when
 * neither the browser nor the system is known.
 *
 * @example
 * deviceOf('Mozilla/5.0 (X11; Linux x86_64) … Chrome/126.0 Safari/537.36') // 'Chrome on Linux'
 */
export function deviceOf(userAgent: string | undefined): string | undefined {
  if (!userAgent) return undefined;
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  if (browser && system) return t('sessions.device', { browser, system });
  return browser ?? system;
}
