import { useState } from 'react';
import { useApi, type PayoutBatch, type User } from '../../api';
import { EmptyState, ErrorNotice, Loading, LoadMore, SuccessNotice } from '../../components';
import { usePaged } from '../../hooks';
import { t } from '../../i18n';
import { BatchCard, batchId, batchName } from './BatchCard';
import { CreateBatch } from './CreateBatch';

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
          <SuccessNotice title={t('payouts.created', { payout: batchName(created) })} />
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
