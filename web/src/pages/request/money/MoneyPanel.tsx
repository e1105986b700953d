import { useEffect, useState } from 'react';
import { ApiError, useApi, type RequestMoney, type ServiceRequest } from '../../../api';
import { EmptyState, ErrorNotice, Loading } from '../../../components';
import { formatAmount, formatDate, formatShare } from '../../../format';
import { useResource } from '../../../hooks';
import { t, tn } from '../../../i18n';
import { MilestoneItem, type Roles } from './MilestoneItem';
import { ReceiptForm } from './ReceiptForm';
import { useRatings } from './Rating';

/** Subsidy by programme: who pays what share of the contract total, and what limited it. */
function Contributions({ money }: { money: RequestMoney }) {
  if (money.contributions.length === 0) return <p>{t('money.contributionsNone')}</p>;
  return (
    <ul className="bullets money-lines">
      {money.contributions.map((c) => (
        <li key={c.programmeId}>
          {t('money.contribution', {
            programme: c.programmeName,
            share: formatShare(c.shareBasisPoints),
            amount: formatAmount(c.amount),
          })}
          <span className="hint"> {tn('money.repeat', c.repeatCount + 1)}</span>
          {c.limitedBy && c.limitedBy !== 'share' && (
            <span className="hint">
              {t('common.separator')}
              {t('money.limitedBy', { limit: c.limitedBy.replace(/_/g, ' ') })}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The private share the provider has confirmed receiving, and (for the provider) a way to confirm more. */
function Receipts({
  request,
  money,
  canConfirm,
  onChanged,
}: {
  request: ServiceRequest;
  money: RequestMoney;
  canConfirm: boolean;
  onChanged(m: RequestMoney): void;
}) {
  return (
    <>
      <h3>{t('money.receiptsHeading')}</h3>
      {money.privateShareReceipts.length === 0 ? (
        <p>{t('money.receiptsNone')}</p>
      ) : (
        <ul className="bullets">
          {money.privateShareReceipts.map((r, i) => (
            <li key={`${r.at}-${i}`}>
              {t('money.receipt', { amount: formatAmount(r.amount), at: formatDate(r.at) })}
              {r.note && <span className="hint"> {r.note}</span>}
            </li>
          ))}
        </ul>
      )}
      {canConfirm && <ReceiptForm request={request} owed={money.privateShare} onConfirmed={onChanged} />}
    </>
  );
}

/** How often, and how many times, the panel asks for an award's escrow while it is being set up. */
const POLL_MS = 1_500;
const POLL_LIMIT = 20;

/**
 * An awarded request's money, for everyone who deals in it: the subsidy by programme, the
 * private share, and each milestone's escrow with what its reader may do next (the provider
 * reports delivery, the lead association accepts or disputes, a cluster admin resolves).
 */
export function MoneyPanel({ request, roles }: { request: ServiceRequest; roles: Roles }) {
  const api = useApi();
  const [loaded, reload] = useResource(
    (signal) => api.getMoney(request.clusterId, request.id, signal),
    [api, request.id, request.status],
  );
  // Every action answers the money view as it now is: show that, without a reload.
  const [updated, setUpdated] = useState<RequestMoney | undefined>(undefined);
  const money = updated ?? loaded.data;
  const { ratings, record } = useRatings(request, money?.milestones);
  // Right after the award the worker is still writing the escrow record: no record yet (404) or one
  // still `pending` is "setting up", and the panel asks again, quietly, until it is there.
  const missing = !money && loaded.state === 'error' && loaded.error instanceof ApiError && loaded.error.status === 404;
  const settingUp = (missing && request.award !== undefined) || money?.status === 'pending';
  const [polls, setPolls] = useState(0);
  const gaveUp = polls >= POLL_LIMIT;
  useEffect(() => {
    if (!settingUp || gaveUp) return undefined;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .getMoney(request.clusterId, request.id, controller.signal)
        .then(setUpdated, () => undefined)
        .finally(() => !controller.signal.aborted && setPolls((n) => n + 1));
    }, POLL_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, request.clusterId, request.id, settingUp, gaveUp, polls]);
  let body;
  if (!money && settingUp) {
    body = (
      <p className="notice" role="status">
        {gaveUp ? t('money.settingUpSlow') : t('money.settingUp')}
      </p>
    );
  } else if (!money && loaded.state === 'loading') body = <Loading />;
  else if (!money && loaded.state === 'error') {
    body = missing ? (
      <EmptyState>{t('money.notFound')}</EmptyState>
    ) : (
      <ErrorNotice error={loaded.error} onRetry={reload} />
    );
  } else if (money) {
    body = (
      <>
        {money.status === 'pending' && (
          <p className="notice" role="status">
            {t('money.pending')}
          </p>
        )}
        {money.status === 'closed' && <p className="notice notice-ok">{t('money.closed')}</p>}
        <dl className="meta money-summary">
          <div>
            <dt>{t('money.total')}</dt>
            <dd>{formatAmount(money.total)}</dd>
          </div>
          <div>
            <dt>{t('money.subsidy')}</dt>
            <dd>{formatAmount(money.subsidy)}</dd>
          </div>
          <div>
            <dt>{t('money.privateShare')}</dt>
            <dd>{formatAmount(money.privateShare)}</dd>
          </div>
        </dl>
        <h3>{t('money.contributionsHeading')}</h3>
        <Contributions money={money} />
        <h3>{t('money.milestonesHeading')}</h3>
        <ol className="cards milestone-money">
          {money.milestones.map((m) => (
            <MilestoneItem
              key={m.index}
              request={request}
              milestone={m}
              roles={roles}
              escrowReady={money.status !== 'pending'}
              onChanged={setUpdated}
              rating={ratings.get(m.index)}
              onRated={record}
            />
          ))}
        </ol>
        <Receipts request={request} money={money} canConfirm={roles.provider} onChanged={setUpdated} />
      </>
    );
  }
  return (
    <section className="panel" aria-labelledby="money-heading">
      <div className="section-head">
        <h2 id="money-heading">{t('money.heading')}</h2>
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            setUpdated(undefined);
            setPolls(0);
            reload();
          }}
          disabled={loaded.state === 'loading'}
        >
          {t('common.refresh')}
        </button>
      </div>
      {body}
    </section>
  );
}
