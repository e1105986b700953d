import { useState } from 'react';
import { useApi, type FirmProfile, type Pledge, type ServiceRequest } from '../../../api';
import { ErrorNotice, Loading } from '../../../components';
import { formatDateTime } from '../../../format';
import { useNow, useResource } from '../../../hooks';
import { t, tn } from '../../../i18n';
import { Link, paths } from '../../../router';
import { PledgeForm } from './PledgeForm';

async function load(
  api: ReturnType<typeof useApi>,
  request: ServiceRequest,
  associationId: string,
  signal: AbortSignal,
) {
  const [pledges, firms] = await Promise.all([
    api.listPledges(request.clusterId, request.id, undefined, signal),
    api.listFirms(request.clusterId, associationId, undefined, signal),
  ]);
  return { pledges: pledges.items, firms: firms.items };
}

/**
 * The association's own pledges on a request, and (until the deadline) pledging more member firms or withdrawing one.
 */
export function Pledges({
  request,
  associationId,
  onChanged,
}: {
  request: ServiceRequest;
  associationId: string;
  onChanged(): void;
}) {
  const api = useApi();
  const now = useNow(5_000);
  const [data, reload] = useResource(
    (signal) => load(api, request, associationId, signal),
    [api, request.id, associationId],
  );
  const [error, setError] = useState<unknown>(undefined);
  const open = request.status === 'open' && Date.parse(request.biddingDeadline) > now;
  const changed = () => {
    reload();
    onChanged();
  };
  const withdraw = async (p: Pledge) => {
    setError(undefined);
    try {
      await api.withdrawPledge(request.clusterId, request.id, p.firmId);
      changed();
    } catch (e) {
      setError(e);
    }
  };
  let body;
  if (data.state === 'loading') body = <Loading />;
  else if (data.state === 'error') body = <ErrorNotice error={data.error} onRetry={reload} />;
  else {
    const pledged = new Set(data.data.pledges.map((p) => p.firmId));
    const free: FirmProfile[] = data.data.firms.filter((f) => !pledged.has(f.id));
    body = (
      <>
        <h3>{tn('pledges.count', data.data.pledges.length)}</h3>
        {data.data.pledges.length > 0 && (
          <ul className="pledge-list">
            {data.data.pledges.map((p) => (
              <li key={p.firmId}>
                <span>{p.firmName}</span>{' '}
                <span className="hint">
                  <time dateTime={p.pledgedAt}>{formatDateTime(p.pledgedAt)}</time>
                </span>
                {open && (
                  <button type="button" className="button-link" onClick={() => void withdraw(p)}>
                    {t('pledges.withdraw', { firm: p.firmName })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {error !== undefined && <ErrorNotice error={error} />}
        {open && data.data.firms.length === 0 && (
          <p className="notice">
            {t('pledges.noFirms')} <Link to={paths.firms(request.clusterId)}>{t('pledges.addFirms')}</Link>
          </p>
        )}
        {open && data.data.firms.length > 0 && (
          <PledgeForm key={data.data.pledges.length} request={request} firms={free} onPledged={changed} />
        )}
      </>
    );
  }
  return (
    <section className="panel" aria-labelledby="pledges-heading">
      <h2 id="pledges-heading">{t('pledges.heading')}</h2>
      <p>{open ? t('pledges.intro') : t('pledges.closed')}</p>
      {body}
    </section>
  );
}
