import type { BidView, ServiceRequest } from '../../../api';
import { formatCount, formatDateTime, formatMoney } from '../../../format';
import { t, tKey } from '../../../i18n';
import { PriceCurve } from './PriceCurve';

/** The provider's own bid as it stands: status, tiers in words and as a chart, capacity, plan. */
export function BidSummary({ bid, request }: { bid: BidView; request: ServiceRequest }) {
  return (
    <div className="bid-summary">
      <p className="standing">
        <span className={`badge badge-${bid.status}`}>{tKey('bidStatus', bid.status)}</span>
        <span>{t('bid.version', { version: bid.version, at: formatDateTime(bid.submittedAt) })}</span>
      </p>
      <div className="bid-grid">
        <div>
          <h3>{t('bid.tiers')}</h3>
          <ul className="bullets tier-list">
            {bid.priceTiers.map((tier) => (
              <li key={tier.minFirms}>
                {t('bid.tierLine', {
                  firms: formatCount(tier.minFirms),
                  price: formatMoney(tier.pricePerFirm.amount, tier.pricePerFirm.currency),
                })}
              </li>
            ))}
          </ul>
          <p>{t('bid.capacityLine', { capacity: formatCount(bid.capacity) })}</p>
        </div>
        <PriceCurve
          id={`curve-${bid.id}`}
          tiers={bid.priceTiers}
          maxFirms={request.maxFirms}
          pledged={request.pledgedFirms}
        />
      </div>
      <h3>{t('bid.deliveryPlan')}</h3>
      <p className="prose">{bid.deliveryPlan}</p>
    </div>
  );
}
