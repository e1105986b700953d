import { account } from './en/account';
import { attendance } from './en/attendance';
import { admin } from './en/admin';
import { base } from './en/base';
import { frame } from './en/frame';
import { bids } from './en/bids';
import { complaints } from './en/complaints';
import { identity } from './en/identity';
import { market } from './en/market';
import { money } from './en/money';
import { results } from './en/results';
import { ratings } from './en/ratings';

/**
 * Every string the portal shows, keyed, so another language is one more object of the same
 * shape. `{name}` is a parameter; keys ending in `.one` / `.other` are plural forms (see `tn`).
 * The strings live in one file per part of the portal (`en/*.ts`) and meet here.
 */
export const en = {
  ...base,
  ...frame,
  ...identity,
  ...admin,
  ...market,
  ...bids,
  ...complaints,
  ...money,
  ...results,
  ...account,
  ...attendance,
  ...ratings,
} as const;

export type Messages = { readonly [K in keyof typeof en]: string };
export type MessageKey = keyof typeof en;
