import { useApi, type BidView, type Evaluation, type ServiceRequest } from '../../../api';
import { ErrorNotice, Loading } from '../../../components';
import { formatAmount, formatCount, formatDateTime, formatMoney } from '../../../format';
import { useResource } from '../../../hooks';
import { t, tn } from '../../../i18n';
import { Link, paths } from '../../../router';
import { AwardForm } from './AwardForm';
import { SplitAwardForm } from './SplitAwardForm';
import { InvalidBids, RankedDetail, providerName } from './Ranking';

async function load(api: ReturnType<typeof useApi>, r: ServiceRequest, signal: AbortSignal) {
  const [evaluation, bids] = await Promise.all([
    api.getEvaluation(r.clusterId, r.id, signal),
    api.listBids(r.clusterId, r.id, signal),
  ]);
  return { evaluation, bids: new Map<string, BidView>(bids.items.map((b) => [b.id, b])) };
}

/** A split award: each contract, linked to its own page (its escrow and deliveries). */
function SplitAwarded({
  request,
  providers,
}: {
  request: ServiceRequest;
  providers: Evaluation['providers'] | undefined;
}) {
  const s = request.splitAward;
  if (!s) return null;
  return (
    <div className="notice notice-ok">
      <p className="notice-title">{tn('split.done', s.contracts.length, { total: formatAmount(s.total) })}</p>
      <ul>
        {s.contracts.map((c) => (
          <li key={c.requestId}>
            <Link to={paths.request(request.clusterId, c.requestId)}>
              {t('split.doneLine', {
                n: String(c.index + 1),
                provider: providerName(c.providerId, providers),
                firms: formatCount(c.volume),
                price: formatAmount(c.pricePerFirm),
                total: formatAmount(c.total),
              })}
            </Link>
          </li>
        ))}
      </ul>
      {s.reason && <p>{t('split.reasonGiven', { reason: s.reason })}</p>}
      <p className="hint">{formatDateTime(s.awardedAt)}</p>
    </div>
  );
}

function Awarded({ request, providers }: { request: ServiceRequest; providers: Evaluation['providers'] | undefined }) {
  if (request.splitAward) return <SplitAwarded request={request} providers={providers} />;
  const a = request.award;
  if (!a) return null;
  return (
    <div className="notice notice-ok">
      <p className="notice-title">{t('award.done', { provider: providerName(a.providerId, providers) })}</p>
      <p>
        {t('award.terms', {
          firms: formatCount(a.volume),
          price: formatMoney(a.pricePerFirm.amount, a.pricePerFirm.currency),
          total: formatMoney(a.total.amount, a.total.currency),
        })}
      </p>
      {a.reason && <p>{t('award.reasonGiven', { reason: a.reason })}</p>}
      <p className="hint">{formatDateTime(a.awardedAt)}</p>
    </div>
  );
}

/** After the deadline: the ranking and the recommendation; the lead association awards from it. */
export function EvaluationPanel({
  request,
  canAward,
  onChanged,
}: {
  request: ServiceRequest;
  canAward: boolean;
  onChanged(r: ServiceRequest): void;
}) {
  const api = useApi();
  const [data, reload] = useResource((signal) => load(api, request, signal), [api, request.id, request.status]);
  let body;
  if (data.state === 'loading') body = <Loading />;
  else if (data.state === 'error') body = <ErrorNotice error={data.error} onRetry={reload} />;
  else {
    const { evaluation, bids } = data.data;
    if (evaluation.outcome === 'unsuccessful')
      body = <p className="notice notice-warn">{t('ranking.unsuccessful', { reason: evaluation.reason ?? '' })}</p>;
    else if (request.status === 'evaluating' && canAward && evaluation.split)
      body = <SplitAwardForm request={request} evaluation={evaluation} bids={bids} onAwarded={onChanged} />;
    else if (request.status === 'evaluating' && canAward)
      body = <AwardForm request={request} evaluation={evaluation} bids={bids} onAwarded={onChanged} />;
    else {
      body = (
        <ol className="ranking">
          {evaluation.ranking.map((r) => (
            <li key={r.bidId} className="ranking-item">
              <RankedDetail
                r={r}
                bid={bids.get(r.bidId)}
                recommended={!evaluation.split && r.bidId === evaluation.recommended?.bidId}
                providers={evaluation.providers}
              />
            </li>
          ))}
        </ol>
      );
    }
    body = (
      <>
        <p>
          {t('ranking.volume', {
            pledged: formatCount(evaluation.pledgedFirms),
            volume: formatCount(evaluation.volume ?? 0),
          })}
        </p>
        {body}
        <InvalidBids evaluation={evaluation} />
      </>
    );
  }
  return (
    <section className="panel" aria-labelledby="ranking-heading">
      <h2 id="ranking-heading">{t('ranking.heading')}</h2>
      {data.state !== 'loading' && <Awarded request={request} providers={data.data?.evaluation.providers} />}
      {body}
    </section>
  );
}
