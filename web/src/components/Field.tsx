import { useId, type ReactNode } from 'react';

export interface FieldIds {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface Props {
  label: string;
  /** The input's id; also the anchor the error summary links to. */
  id?: string;
  hint?: string;
  /** Messages for this field, shown under the label and announced with the input. */
  errors?: readonly string[];
  className?: string;
  children(ids: FieldIds): ReactNode;
}

/**
 * A labelled input with its hint and errors wired to it by `aria-describedby`.
 *
 * @example
 * <Field label={t('signIn.email')} errors={errors.email}>{(ids) => <input {...ids} type="email" />}</Field>
 */
export function Field({ label, id, hint, errors = [], className, children }: Props) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = errors.length > 0 ? `${inputId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${errorId ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {errorId && (
        <p className="field-error" id={errorId}>
          {errors.join(' ')}
        </p>
      )}
      {children({
        id: inputId,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(errorId ? { 'aria-invalid': true as const } : {}),
      })}
    </div>
  );
}
