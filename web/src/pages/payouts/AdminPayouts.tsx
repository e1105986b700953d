import { useState } from 'react';
import { useApi, type PayoutBatch, type User } from '../../api';
import { EmptyState, ErrorNotice, Loading, LoadMore, SuccessNotice } from '../../components';
import { usePaged } from '../../hooks';
import { t } from '../../i18n';
import { clientId } from '../../clientId';
import { BatchCard, batchId } from './BatchCard';

/** Creates a batch of every provider with money payable; the id is chosen once, so a retry creates nothing twice. */
function CreateBatch({ onCreated }: { onCreated(b: PayoutBatch): void }) {
  const api = useApi();
  const [payoutId, setPayoutId] = useState(() => clientId('pay'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const create = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const batch = await api.createPayout(payoutId);
      setPayoutId(clientId('pay'));
      onCreated(batch);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {error !== undefined && <ErrorNotice error={error} />}
      <button type="button" className="button" onClick={() => void create()} disabled={busy} aria-busy={busy}>
        {busy ? t('payouts.creating') : t('payouts.create')}
      </button>
    </>
  );
}

/** The payout batches; the national admin creates them and marks them paid, a funder reads them. */
export function AdminPayouts({ user }: { user: User }) {
  const api = useApi();
  const batches = usePaged((cursor, signal) => api.listPayouts(cursor, signal), [api]);
  const [changed, setChanged] = useState<Record<string, PayoutBatch>>({});
  const [created, setCreated] = useState<PayoutBatch | undefined>(undefined);
  const admin = user.role === 'national_admin';
  const known = new Set(batches.items.map(batchId));
  const items = [...(created && !known.has(batchId(created)) ? [created] : []), ...batches.items].map(
    (b) => changed[batchId(b)] ?? b,
  );
  return (
    <>
      <p className="lede">{t('payouts.adminIntro')}</p>
      {admin && (
        <div className="actions">
          <CreateBatch onCreated={(b) => setCreated(b)} />
        </div>
      )}
      {created &&
        ((created.lines ?? []).length === 0 ? (
          <p className="notice" role="status">
            {t('payouts.nothingPayable')}
          </p>
        ) : (
          <SuccessNotice title={t('payouts.created', { payout: batchId(created) })} />
        ))}
      <section aria-labelledby="batches-heading">
        <h2 id="batches-heading">{t('payouts.batchesHeading')}</h2>
        {batches.loading ? (
          <Loading />
        ) : batches.error !== undefined && items.length === 0 ? (
          <ErrorNotice error={batches.error} onRetry={batches.reload} />
        ) : items.length === 0 ? (
          <EmptyState>{t('payouts.batchesEmpty')}</EmptyState>
        ) : (
          <>
            <ul className="cards">
              {items.map((b) => (
                <BatchCard
                  key={batchId(b)}
                  batch={b}
                  canPay={admin}
                  onChanged={(next) => setChanged((c) => ({ ...c, [batchId(next)]: next }))}
                />
              ))}
            </ul>
            <LoadMore hasMore={batches.hasMore} loading={batches.loadingMore} onClick={batches.loadMore} />
          </>
        )}
      </section>
    </>
  );
}
