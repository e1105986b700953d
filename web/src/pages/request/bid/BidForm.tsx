import { useState, type FormEvent } from 'react';
import { useApi, type BidView, type ServiceRequest } from '../../../api';
import { ErrorSummary, SubmitButton, TextArea, TextInput } from '../../../components';
import { formatCount, formatMoney } from '../../../format';
import { useForm } from '../../../hooks';
import { t } from '../../../i18n';
import { PriceCurve } from './PriceCurve';
import { TierRows } from './TierRows';
import { bidFieldIds, checkBid, initialBid, parsedTiers, priceAt, toNewBid, type BidFields } from './tiers';

interface Props {
  request: ServiceRequest;
  /** The live bid being revised; absent for a new bid. */
  bid?: BidView;
  onSaved(bid: BidView): void;
  onCancel?(): void;
}

/** What the curve means at the volume pledged so far. */
function AtPledged({ request, fields }: { request: ServiceRequest; fields: BidFields }) {
  const tiers = parsedTiers(fields.tiers, request.currency);
  const firms = Math.max(request.pledgedFirms, request.minFirms);
  const price = priceAt(tiers, firms);
  if (price === undefined) return <p className="hint">{t('bid.belowFirstTier', { firms: formatCount(firms) })}</p>;
  return (
    <p className="at-volume" aria-live="polite">
      {t('bid.atVolume', {
        firms: formatCount(firms),
        price: formatMoney(price, request.currency),
        total: formatMoney(price * firms, request.currency),
      })}
    </p>
  );
}

/** A sealed bid: the price curve (tiers), capacity and the delivery plan, with a live chart of the curve. */
export function BidForm({ request, bid, onSaved, onCancel }: Props) {
  const api = useApi();
  const [fields, setFields] = useState<BidFields>(() => initialBid(request, bid));
  const form = useForm(bidFieldIds(fields.tiers.length));
  const revising = bid?.status === 'live';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(
      () => checkBid(fields),
      async () => {
        const body = toNewBid(fields, request.currency);
        onSaved(
          revising
            ? await api.reviseBid(request.clusterId, request.id, body)
            : await api.submitBid(request.clusterId, request.id, body),
        );
      },
    );
  };
  return (
    <form className="form bid-form" onSubmit={submit} noValidate aria-busy={form.busy}>
      <ErrorSummary items={form.summary} />
      <div className="bid-grid">
        <TierRows
          rows={fields.tiers}
          errors={form.errors}
          currency={request.currency}
          onChange={(tiers) => setFields((f) => ({ ...f, tiers }))}
        />
        <div>
          <PriceCurve
            id="bid-curve"
            tiers={parsedTiers(fields.tiers, request.currency)}
            maxFirms={request.maxFirms}
            pledged={request.pledgedFirms}
          />
          <AtPledged request={request} fields={fields} />
        </div>
      </div>
      <TextInput
        id="capacity"
        label={t('bid.capacity')}
        hint={t('bid.capacityHint')}
        type="number"
        min={1}
        value={fields.capacity}
        onValue={(capacity) => setFields((f) => ({ ...f, capacity }))}
        errors={form.errors.capacity}
      />
      <TextArea
        id="deliveryPlan"
        label={t('bid.deliveryPlan')}
        hint={t('bid.deliveryPlanHint')}
        rows={4}
        value={fields.deliveryPlan}
        onValue={(deliveryPlan) => setFields((f) => ({ ...f, deliveryPlan }))}
        errors={form.errors.deliveryPlan}
      />
      <p className="hint">{t('bid.sealedNote')}</p>
      <div className="actions">
        <SubmitButton busy={form.busy} label={t(revising ? 'bid.revise' : 'bid.submit')} busyLabel={t('bid.saving')} />
        {onCancel && (
          <button type="button" className="button-secondary" onClick={onCancel} disabled={form.busy}>
            {t('form.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
