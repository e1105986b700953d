import { en, type MessageKey, type Messages } from './en';

/** The language of the interface; Hindi will be one more `Messages` object. */
const messages: Messages = en;
const locale = 'en-IN';
const plurals = new Intl.PluralRules(locale);

export type Params = Record<string, string | number>;

/** Keys that come in `.one` / `.other` forms, by their common stem. */
export type PluralKey = { [K in MessageKey]: K extends `${infer S}.other` ? S : never }[MessageKey];

const fill = (text: string, params: Params = {}): string =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

/**
 * Looks up a message and fills its `{params}`.
 *
 * @example
 * t('nav.signedInAs', { name: 'Harpreet Kaur' }) // 'Signed in as Harpreet Kaur'
 */
export function t(key: MessageKey, params?: Params): string {
  return fill(messages[key], params);
}

/**
 * The plural form of a message for `count` (which is also passed as `{count}`).
 *
 * @example
 * tn('home.clusterFirms', 10000) // '10,000 firms'
 */
export function tn(stem: PluralKey, count: number, params: Params = {}): string {
  const form = plurals.select(count) === 'one' ? 'one' : 'other';
  const key = `${stem}.${form}` as MessageKey;
  return fill(messages[key], { count: count.toLocaleString(locale), ...params });
}

/** A message whose key is built from data (a role, a status); falls back to the raw value. */
export function tKey(prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return key in messages ? messages[key as MessageKey] : value.replace(/_/g, ' ');
}
