export { t, tn, tKey, type Params, type PluralKey } from './t';
export type { MessageKey, Messages } from './en';
