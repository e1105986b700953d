import { useState } from 'react';
import { ApiError, useApi, type ProgrammeView } from '../../api';
import { ConfirmAction, EmptyState, ErrorNotice, Loading, errorMessage } from '../../components';
import { formatAmount, formatDateTime } from '../../format';
import { useRequireUser, useResource, useTitle, type Resource } from '../../hooks';
import { t, tKey } from '../../i18n';
import { Link, paths, useLocation } from '../../router';
import { Awards, Statement } from './Ledger';
import { DepositForm } from './DepositForm';
import { ProgrammeFacts } from './ProgrammeFacts';

function Funds({ p }: { p: ProgrammeView }) {
  const rows: [string, string][] = [
    [t('programme.budgetLine'), formatAmount(p.budget)],
    [t('programme.deposited'), formatAmount(p.funds.deposited)],
    [t('programme.available'), formatAmount(p.funds.available)],
    [t('money.held'), formatAmount(p.funds.held)],
    [t('money.released'), formatAmount(p.funds.released)],
    [t('money.returned'), formatAmount(p.funds.returned)],
  ];
  return (
    <dl className="meta money-summary">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One programme: its funds, a deposit, closing it, its statement and where its money went. */
export function ProgrammePage({ programmeId }: { programmeId: string }) {
  const api = useApi();
  const user = useRequireUser(paths.programme(programmeId));
  const { search } = useLocation();
  const [loaded, reload] = useResource((signal) => api.getProgramme(programmeId, signal), [api, programmeId, user?.id]);
  const [updated, setUpdated] = useState<ProgrammeView | undefined>(undefined);
  // The statement and the awards follow each change of the funds.
  const [round, setRound] = useState(0);
  const programme: Resource<ProgrammeView> = updated ? { state: 'ok', data: updated } : loaded;
  useTitle(programme.data?.name);
  if (!user) return null;
  const changed = (p: ProgrammeView) => {
    setUpdated(p);
    setRound((r) => r + 1);
  };
  const back = (
    <p className="crumb">
      <Link to={paths.programmes()}>{t('programmes.back')}</Link>
    </p>
  );
  if (programme.state !== 'ok') {
    const missing =
      programme.state === 'error' &&
      programme.error instanceof ApiError &&
      (programme.error.status === 404 || programme.error.status === 403);
    return (
      <div className="page">
        {back}
        <h1>
          {programme.state === 'loading' ? t('common.loading') : missing ? t('notFound.title') : t('common.errorTitle')}
        </h1>
        {programme.state === 'loading' ? (
          <Loading />
        ) : missing ? (
          <EmptyState>{errorMessage(programme.error)}</EmptyState>
        ) : (
          <ErrorNotice error={programme.error} onRetry={reload} />
        )}
      </div>
    );
  }
  const p = programme.data;
  const owner = user.role === 'funder' && user.organisationId === p.funderId;
  const open = p.status === 'open';
  return (
    <div className="page">
      {back}
      <h1>{p.name}</h1>
      {new URLSearchParams(search).has('created') && !updated && (
        <p className="notice notice-ok" role="status">
          {t('programme.created')}
        </p>
      )}
      <p className="standing">
        <span className={`badge badge-${open ? 'open' : 'archived'}`}>{tKey('programmeStatus', p.status)}</span>
      </p>
      {!open && p.closedAt && <p className="notice">{t('programme.closedNote', { at: formatDateTime(p.closedAt) })}</p>}
      <div className="detail-grid">
        <div>
          <section className="panel" aria-labelledby="funds-heading">
            <h2 id="funds-heading">{t('programme.fundsHeading')}</h2>
            <Funds p={p} />
            <ProgrammeFacts p={p} />
            {owner && open && <DepositForm programme={p} onDeposited={changed} />}
            {owner && open && (
              <div className="actions">
                <ConfirmAction
                  id="close-programme"
                  openLabel={t('programme.closeOpen')}
                  heading={t('programme.closeHeading')}
                  confirmText={() =>
                    t('programme.closeConfirm', { name: p.name, available: formatAmount(p.funds.available) })
                  }
                  yesLabel={t('programme.closeYes')}
                  busyLabel={t('programme.closeSaving')}
                  danger
                  act={async () => changed(await api.closeProgramme(p.id))}
                />
              </div>
            )}
          </section>
          <Awards programmeId={p.id} round={round} />
        </div>
        <Statement programmeId={p.id} round={round} />
      </div>
    </div>
  );
}
