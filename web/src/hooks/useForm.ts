import { useCallback, useMemo, useState } from 'react';
import { ApiError } from '../api';
import type { SummaryItem } from '../components/ErrorSummary';
import { errorMessage } from '../components/Status';
import { t } from '../i18n';

/** Messages by input id; '' holds what belongs to the whole form. */
export type Placed = Record<string, string[]>;

/** The id of the input for an API field path: dots become dashes ('admin.email' → 'admin-email'). */
export const fieldId = (field: string): string => field.replace(/\./g, '-');

/** The input that takes an error: the field's own, or the nearest known parent ('categories-0' → 'categories'). */
function slotOf(id: string, known: readonly string[]): string {
  let best = '';
  for (const k of known) if ((id === k || id.startsWith(`${k}-`)) && k.length > best.length) best = k;
  return best;
}

/**
 * Puts a failed call's problem+json `errors[]` next to the inputs they name; what names no
 * input of this form (or a problem with no field) goes to the form as a whole.
 *
 * @example
 * placeApiError(error, ['name', 'admin-email']) // { 'admin-email': ['Invalid email address'] }
 */
export function placeApiError(error: unknown, known: readonly string[]): Placed {
  if (!(error instanceof ApiError) || error.errors.length === 0) return { '': [errorMessage(error)] };
  const placed: Placed = {};
  for (const e of error.errors) (placed[slotOf(fieldId(e.field), known)] ??= []).push(e.message);
  return placed;
}

/**
 * Checks that a text input has something in it; the message names the field by its label, because
 * the error summary lists messages away from their inputs ("Firm name is required", not "This is
 * required" eight times).
 *
 * @example
 * required(placed, 'name', f.name, t('firms.name'))
 */
export function required(placed: Placed, id: string, value: string, label: string): void {
  if (value.trim() === '') (placed[id] ??= []).push(requiredMessage(label));
}

/** "<Label> is required", with the label's own capital and no trailing colon or hint. */
export const requiredMessage = (label: string): string =>
  t('form.requiredNamed', { field: label.replace(/[:：]\s*$/, '').trim() });

export interface Form {
  errors: Placed;
  summary: SummaryItem[];
  busy: boolean;
  /** Local checks first; when they pass, the call; its failure is placed by field. */
  submit(check: () => Placed, act: () => Promise<void>): Promise<void>;
  show(placed: Placed): void;
}

/**
 * A form's errors, its summary and its busy state, for forms whose input ids are `known`.
 *
 * @example
 * const form = useForm(['email', 'name']);
 * <form onSubmit={(e) => { e.preventDefault(); void form.submit(check, () => send()); }}>
 */
export function useForm(known: readonly string[]): Form {
  const [errors, setErrors] = useState<Placed>({});
  const [busy, setBusy] = useState(false);
  const show = useCallback((placed: Placed) => setErrors(placed), []);
  // One array per set of errors: the summary takes focus when its items change, not on every keystroke.
  const summary = useMemo(
    () =>
      Object.entries(errors).flatMap(([id, messages]) =>
        messages.map((message) => (id ? { target: id, message } : { message })),
      ),
    [errors],
  );
  const submit = async (check: () => Placed, act: () => Promise<void>) => {
    const local = check();
    if (Object.keys(local).length > 0) return setErrors(local);
    setErrors({});
    setBusy(true);
    try {
      await act();
    } catch (error) {
      setErrors(placeApiError(error, known));
    } finally {
      setBusy(false);
    }
  };
  return { errors, summary, busy, submit, show };
}

/**
 * Runs a call whose problem+json names fields of the body (`evidence`) for a form whose inputs
 * carry a prefix (`m0-evidence`, when one page shows a form per milestone): the fields are
 * renamed so `placeApiError` puts each message next to its input.
 *
 * @example
 * await scoped('m0', api.reportMilestone(c, r, 0, evidence, firms));
 */
export async function scoped<T>(prefix: string, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (!(error instanceof ApiError) || error.errors.length === 0) throw error;
    const { title, detail, status, code } = error;
    throw new ApiError(
      { title, detail, status, code, errors: error.errors.map((e) => ({ ...e, field: `${prefix}.${e.field}` })) },
      { cause: error },
    );
  }
}
