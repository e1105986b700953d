import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useForm, type Placed } from '../hooks/useForm';
import { t } from '../i18n';
import { ErrorSummary } from './ErrorSummary';
import { SubmitButton } from './Inputs';

interface Props {
  /** Unique on the page: names the heading and the form. */
  id: string;
  /** The button that opens the action. */
  openLabel: string;
  heading: string;
  /** The inputs, given their errors; none for an action that needs only a yes (accept). */
  fields?: (errors: Placed) => ReactNode;
  /** The input ids, so the API's field errors land next to them. */
  known?: readonly string[];
  check?: () => Placed;
  /** What will happen, in words, read before the final yes. */
  confirmText: () => string;
  yesLabel: string;
  busyLabel: string;
  /** The money moves: the final button is red. */
  danger?: boolean;
  act(): Promise<void>;
  /** Extra class for the open button. */
  openClassName?: string;
  /** The level of the action's heading, under the section it sits in. */
  headingLevel?: 3 | 4 | 5;
}

/**
 * An action that moves money or cannot be undone: a button opens it, its inputs are checked,
 * then the consequence is spelled out and confirmed. Focus moves to each step as it appears,
 * and API errors land next to the inputs they name (or in the summary).
 *
 * @example
 * <ConfirmAction id="accept-0" openLabel="Accept…" heading="Accept" confirmText={() => '…'} yesLabel="Yes"
 * busyLabel="…" act={accept} />
 */
export function ConfirmAction({
  id,
  openLabel,
  heading,
  fields,
  known = [],
  check = () => ({}),
  confirmText,
  yesLabel,
  busyLabel,
  danger = false,
  act,
  openClassName = 'button-secondary',
  headingLevel = 3,
}: Props) {
  const Heading = `h${headingLevel}` as const;
  const [step, setStep] = useState<'closed' | 'edit' | 'confirm'>('closed');
  const form = useForm(known);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (step === 'edit') headingRef.current?.focus();
    if (step === 'confirm') questionRef.current?.focus();
  }, [step]);
  const close = () => {
    setStep('closed');
    form.show({});
    // Back to where the user was, so a keyboard user does not start again from the top.
    setTimeout(() => openRef.current?.focus(), 0);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (step === 'edit') {
      const placed = check();
      form.show(placed);
      if (Object.keys(placed).length === 0) setStep('confirm');
      return;
    }
    void form.submit(
      () => ({}),
      async () => {
        await act();
        setStep('closed');
      },
    );
  };
  // A failure that names an input sends the user back to the inputs to fix it.
  useEffect(() => {
    if (step === 'confirm' && fields && Object.keys(form.errors).some((k) => k !== '')) setStep('edit');
  }, [form.errors, step, fields]);
  if (step === 'closed') {
    return (
      <button
        type="button"
        ref={openRef}
        className={openClassName}
        onClick={() => setStep(fields ? 'edit' : 'confirm')}
      >
        {openLabel}
      </button>
    );
  }
  const headingId = `${id}-heading`;
  return (
    <form
      className={step === 'confirm' && danger ? 'confirm' : 'confirm confirm-plain'}
      onSubmit={submit}
      noValidate
      aria-labelledby={headingId}
      aria-busy={form.busy}
    >
      <Heading className="notice-title" id={headingId} tabIndex={-1} ref={headingRef}>
        {heading}
      </Heading>
      <ErrorSummary items={form.summary} />
      {step === 'edit' && fields?.(form.errors)}
      {step === 'confirm' && (
        <p tabIndex={-1} ref={questionRef}>
          {confirmText()}
        </p>
      )}
      <div className="actions">
        <SubmitButton
          busy={form.busy}
          label={step === 'edit' ? t('confirm.continue') : yesLabel}
          busyLabel={busyLabel}
          className={step === 'confirm' && danger ? 'button button-danger' : 'button'}
        />
        <button
          type="button"
          className="button-secondary"
          onClick={step === 'confirm' && fields ? () => setStep('edit') : close}
        >
          {t('confirm.back')}
        </button>
      </div>
    </form>
  );
}
