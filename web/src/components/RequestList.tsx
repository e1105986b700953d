import type { ServiceRequest } from '../api';
import { formatCount } from '../format';
import { useCategories } from '../hooks';
import { t, tKey } from '../i18n';
import { Link, paths } from '../router';
import { Countdown } from './Countdown';

/** A request's status as a coloured badge; the words carry the meaning, not the colour. */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${status}`}>{tKey('status', status)}</span>;
}

/** Pledged firms against the minimum the request needs to go ahead, as text and a bar. */
export function Pledged({ request }: { request: Pick<ServiceRequest, 'pledgedFirms' | 'minFirms'> }) {
  const { pledgedFirms, minFirms } = request;
  return (
    <span className="pledged">
      <span>{t('requests.pledgedOf', { pledged: formatCount(pledgedFirms), min: formatCount(minFirms) })}</span>
      <meter min={0} max={Math.max(minFirms, 1)} value={Math.min(pledgedFirms, minFirms)} aria-hidden="true" />
    </span>
  );
}

/**
 * Requests as cards (they read well at 360 px, where a table would not). The title links to the request unless
 * `linked` is false: a funder reads the requests its programmes may pay for, in clusters it cannot open.
 *
 * @example
 * <RequestList requests={page.items} headingLevel={3} />
 */
export function RequestList({
  requests,
  headingLevel = 3,
  linked = true,
}: {
  requests: readonly ServiceRequest[];
  headingLevel?: 2 | 3;
  linked?: boolean;
}) {
  const { labelOf } = useCategories();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="cards request-list">
      {requests.map((r) => (
        <li key={r.id} className="card">
          <Heading className="card-title">
            {linked ? <Link to={paths.request(r.clusterId, r.id)}>{r.title}</Link> : r.title}
          </Heading>
          <dl className="meta">
            <div>
              <dt>{t('requests.category')}</dt>
              <dd>{labelOf(r.category)}</dd>
            </div>
            <div>
              <dt>{t('requests.status')}</dt>
              <dd>
                <StatusBadge status={r.status} />
              </dd>
            </div>
            <div>
              <dt>{t('requests.deadline')}</dt>
              <dd>
                <Countdown deadline={r.biddingDeadline} />
              </dd>
            </div>
            <div>
              <dt>{t('requests.pledged')}</dt>
              <dd>
                <Pledged request={r} />
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
