import { useEffect, useRef, useState, type FormEvent } from 'react';
import { formatIst } from '@bds/core/ist';
import { ApiError, useApi, type AttendancePage } from '../../api';
import { ErrorNotice, ErrorSummary, Loading, SubmitButton, SuccessNotice } from '../../components';
import { useForm, useTitle } from '../../hooks';
import { t } from '../../i18n';

/** The token of the mailed link: it rides in the fragment (`#token=…`), which no server sees. */
const tokenOf = (hash: string): string | undefined =>
  new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? undefined;

const gone = (error: unknown) =>
  error instanceof ApiError && (error.code === 'ATTENDANCE.LINK_INVALID' || error.status === 400);

function InvalidLink() {
  return (
    <div className="notice notice-warn" role="status">
      <p className="notice-title">{t('attend.invalid.title')}</p>
      <p>{t('attend.invalid.body')}</p>
    </div>
  );
}

function Facts({ page }: { page: AttendancePage }) {
  const rows: [string, string][] = [
    [t('attend.service'), page.service],
    [t('attend.provider'), page.providerName],
    [t('attend.milestone'), page.milestone],
    [t('attend.reported'), formatIst(page.reportedAt)],
    [t('attend.until'), formatIst(page.expiresAt)],
  ];
  return (
    <dl className="meta">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A firm's mailed confirmation link (`/attend#token=…`), no sign-in, phone-first: which service,
 * which provider, which date, and "Did you attend?" — yes or no, then the consequence spelled out
 * before the one answer the link allows. Opening the page reads; only the final button answers
 * (mail scanners that open links must not use them up).
 */
export function AttendPage() {
  const api = useApi();
  const [token] = useState(() => tokenOf(window.location.hash));
  const [page, setPage] = useState<AttendancePage | 'invalid' | undefined>(token ? undefined : 'invalid');
  const [loadError, setLoadError] = useState<unknown>();
  const [choice, setChoice] = useState<boolean | undefined>();
  const form = useForm(['token', 'attended']);
  const questionRef = useRef<HTMLParagraphElement>(null);
  useTitle(t('attend.title'));

  useEffect(() => {
    if (!token) return;
    api
      .readAttendanceLink(token)
      .then(setPage, (error: unknown) => (gone(error) ? setPage('invalid') : setLoadError(error)));
  }, [api, token]);
  useEffect(() => {
    if (choice !== undefined) questionRef.current?.focus();
  }, [choice]);

  const send = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(
      () => ({}),
      async () => {
        try {
          setPage(await api.answerAttendance(token ?? '', choice === true));
        } catch (error) {
          if (gone(error)) return setPage('invalid');
          throw error;
        }
      },
    );
  };

  if (loadError) return <ErrorNotice error={loadError} />;
  if (page === undefined) return <Loading label={t('attend.loading')} />;
  return (
    <div className="page narrow attend">
      <h1>{t('attend.title')}</h1>
      {page === 'invalid' ? (
        <InvalidLink />
      ) : page.answer ? (
        <SuccessNotice
          title={t(page.answer.attended ? 'attend.thanks.yes' : 'attend.thanks.no', { firm: page.firmName })}
        />
      ) : (
        <>
          <p>{t('attend.intro', { provider: page.providerName, firm: page.firmName })}</p>
          <Facts page={page} />
          {choice === undefined ? (
            <div
              className="actions attend-choices"
              role="group"
              aria-label={t('attend.question', { firm: page.firmName })}
            >
              <button type="button" className="button" onClick={() => setChoice(true)}>
                {t('attend.yes')}
              </button>
              <button type="button" className="button-secondary" onClick={() => setChoice(false)}>
                {t('attend.no')}
              </button>
            </div>
          ) : (
            <form className="form" onSubmit={send} noValidate aria-busy={form.busy}>
              <ErrorSummary items={form.summary} />
              <p ref={questionRef} tabIndex={-1} className="confirm-question">
                {t(choice ? 'attend.confirm.yes' : 'attend.confirm.no', { firm: page.firmName })}
              </p>
              <div className="actions">
                <SubmitButton busy={form.busy} label={t('attend.send')} busyLabel={t('attend.sending')} />
                <button type="button" className="button-secondary" onClick={() => setChoice(undefined)}>
                  {t('attend.back')}
                </button>
              </div>
            </form>
          )}
        </>
      )}
    </div>
  );
}
