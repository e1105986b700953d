import type { ReactNode } from 'react';
import type { ServiceRequest } from '../../api';
import { Countdown, Pledged, StatusBadge } from '../../components';
import { formatCount, formatDate, formatDateTime } from '../../format';
import { t } from '../../i18n';

/** Everything an association wrote into the request, and where it stands. */
export function RequestFacts({ request: r, categoryLabel }: { request: ServiceRequest; categoryLabel: string }) {
  const facts: [string, ReactNode][] = [
    [t('requests.status'), <StatusBadge status={r.status} />],
    [t('requests.category'), categoryLabel],
    [t('request.deadline'), <Countdown deadline={r.biddingDeadline} />],
    [t('request.pledged'), <Pledged request={r} />],
    [t('request.firms'), t('request.firmsRange', { min: formatCount(r.minFirms), max: formatCount(r.maxFirms) })],
    [t('request.place'), r.place],
    [
      t('request.window'),
      t('request.windowRange', { start: formatDate(r.deliveryWindow.start), end: formatDate(r.deliveryWindow.end) }),
    ],
    [t('request.weights'), t('request.weightsValue', { price: r.weights.price, quality: r.weights.quality })],
    [t('request.currency'), r.currency],
    [t('request.created'), formatDateTime(r.createdAt)],
  ];
  return (
    <>
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading" className="visually-hidden">
          {t('request.summary')}
        </h2>
        <dl className="meta meta-wide">
          {facts.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="spec-heading">
        <h2 id="spec-heading">{t('request.specification')}</h2>
        <p className="prose">{r.specification}</p>
      </section>
      <div className="two-col">
        <section aria-labelledby="deliverables-heading">
          <h2 id="deliverables-heading">{t('request.deliverables')}</h2>
          <ul className="bullets">
            {r.deliverables.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="milestones-heading">
          <h2 id="milestones-heading">{t('request.milestones')}</h2>
          <ol className="bullets">
            {r.milestones.map((m) => (
              <li key={m.name}>
                {t('request.milestoneLine', {
                  name: m.name,
                  share: (m.shareBasisPoints / 100).toLocaleString('en-IN'),
                })}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}
