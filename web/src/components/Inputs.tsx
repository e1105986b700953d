import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field } from './Field';

type Native = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'children'>;

interface TextInputProps extends Native {
  id: string;
  label: string;
  value: string;
  onValue(value: string): void;
  hint?: string;
  errors?: readonly string[] | undefined;
  className?: string;
}

/**
 * A labelled text input, its hint and its errors: the common case of `Field`.
 *
 * @example
 * <TextInput id="email" label={t('outbox.email')} type="email" value={email} onValue={setEmail}
 * errors={form.errors.email} />
 */
export function TextInput({ id, label, value, onValue, hint, errors, className, ...native }: TextInputProps) {
  return (
    <Field
      label={label}
      id={id}
      errors={errors ?? []}
      {...(hint ? { hint } : {})}
      {...(className ? { className } : {})}
    >
      {(ids) => (
        <input {...native} {...ids} name={native.name ?? id} value={value} onChange={(e) => onValue(e.target.value)} />
      )}
    </Field>
  );
}

interface SelectProps {
  id: string;
  label: string;
  value: string;
  onValue(value: string): void;
  options: readonly { value: string; label: string }[];
  /** A first, empty choice ("Choose …"). */
  placeholder?: string;
  hint?: string;
  errors?: readonly string[] | undefined;
  disabled?: boolean;
}

/** A labelled select with its errors. */
export function SelectInput({ id, label, value, onValue, options, placeholder, hint, errors, disabled }: SelectProps) {
  return (
    <Field label={label} id={id} errors={errors ?? []} {...(hint ? { hint } : {})}>
      {(ids) => (
        <select {...ids} name={id} value={value} disabled={disabled} onChange={(e) => onValue(e.target.value)}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

interface AreaProps {
  id: string;
  label: string;
  value: string;
  onValue(value: string): void;
  rows?: number;
  hint?: string;
  errors?: readonly string[] | undefined;
}

/** A labelled textarea with its errors. */
export function TextArea({ id, label, value, onValue, rows = 4, hint, errors }: AreaProps) {
  return (
    <Field label={label} id={id} errors={errors ?? []} {...(hint ? { hint } : {})}>
      {(ids) => <textarea {...ids} name={id} rows={rows} value={value} onChange={(e) => onValue(e.target.value)} />}
    </Field>
  );
}

/** The submit button of a form: disabled and relabelled while the form is sending. */
export function SubmitButton({
  busy,
  label,
  busyLabel,
  className = 'button',
}: {
  busy: boolean;
  label: string;
  busyLabel: string;
  className?: string;
}) {
  return (
    <button type="submit" className={className} disabled={busy} aria-busy={busy}>
      {busy ? busyLabel : label}
    </button>
  );
}

/** A success message that screen readers announce when it appears. */
export function SuccessNotice({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="notice notice-ok" role="status">
      <p className="notice-title">{title}</p>
      {children}
    </div>
  );
}
