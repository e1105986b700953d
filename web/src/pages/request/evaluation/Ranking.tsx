import type { BidView, Evaluation, ProviderRef, RankedBid } from '../../../api';
import { formatCount, formatMoney } from '../../../format';
import { t, tn } from '../../../i18n';

/** Scores are hundredths of a point (10000 = 100 points). */
const points = (score: number) => (score / 100).toLocaleString('en-IN', { maximumFractionDigits: 2 });

type Providers = Evaluation['providers'] | undefined;

/** A provider by name and city, as the evaluation names it; the id only if the API named nobody. */
export function providerName(providerId: string, providers: Providers): string {
  const p: ProviderRef | undefined = providers?.[providerId];
  return p ? t('ranking.providerAt', { name: p.name, city: p.city }) : providerId;
}

/** A provider's ratings in the request's cluster and category, as a comparing association reads them. */
function ratingText(p: ProviderRef | undefined): string {
  const rating = p?.rating;
  if (!rating || rating.count === 0 || rating.averageHundredths === undefined) return t('ranking.unrated');
  const average = (rating.averageHundredths / 100).toLocaleString('en-IN', { maximumFractionDigits: 1 });
  return tn('ranking.rating', rating.count, { average });
}

/** The words for a ranked bid, used by the list and by the award form's choices. */
export function rankedLabel(r: RankedBid, providers: Providers): string {
  return t('ranking.line', {
    rank: r.rank,
    provider: providerName(r.providerId, providers),
    price: formatMoney(r.pricePerFirm.amount, r.pricePerFirm.currency),
    total: formatMoney(r.total.amount, r.total.currency),
  });
}

/**
 * One ranked bid: price at the volume, the total, the scores, and the provider's plan.
 * As an award choice (`brief`) the label already says rank, provider and prices.
 */
export function RankedDetail({
  r,
  bid,
  recommended,
  providers,
  brief = false,
}: {
  r: RankedBid;
  bid: BidView | undefined;
  recommended: boolean;
  providers: Providers;
  brief?: boolean;
}) {
  const badge = recommended && <span className="badge badge-open">{t('ranking.recommended')}</span>;
  return (
    <div className="ranked">
      {brief ? (
        badge && <p className="ranked-head">{badge}</p>
      ) : (
        <p className="ranked-head">
          <strong>{t('ranking.rank', { rank: r.rank })}</strong>{' '}
          {t('ranking.provider', { provider: providerName(r.providerId, providers) })}
          {badge}
        </p>
      )}
      <ul className="facts">
        {!brief && (
          <li>{t('ranking.price', { price: formatMoney(r.pricePerFirm.amount, r.pricePerFirm.currency) })}</li>
        )}
        {!brief && <li>{t('ranking.total', { total: formatMoney(r.total.amount, r.total.currency) })}</li>}
        <li>
          {t('ranking.scores', {
            score: points(r.score),
            price: points(r.priceScore),
            quality: points(r.qualityScore),
          })}
        </li>
        {bid && <li>{t('ranking.capacity', { capacity: formatCount(bid.capacity) })}</li>}
        <li className="ranked-rating">{ratingText(providers?.[r.providerId])}</li>
      </ul>
      {bid && <p className="prose ranked-plan">{bid.deliveryPlan}</p>}
    </div>
  );
}

/** Bids left out of the ranking, each with the reason in words. */
export function InvalidBids({ evaluation }: { evaluation: Evaluation }) {
  if (evaluation.invalid.length === 0) return null;
  return (
    <>
      <h3>{t('ranking.invalidHeading')}</h3>
      <ul className="bullets">
        {evaluation.invalid.map((b) => (
          <li key={b.bidId}>
            {t('ranking.invalid', { provider: providerName(b.providerId, evaluation.providers), detail: b.detail })}
          </li>
        ))}
      </ul>
    </>
  );
}
