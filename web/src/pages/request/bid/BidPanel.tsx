import { useState } from 'react';
import { useApi, type BidView, type ServiceRequest } from '../../../api';
import { EmptyState, ErrorNotice, Loading, SuccessNotice } from '../../../components';
import { useNow, useResource } from '../../../hooks';
import { t } from '../../../i18n';
import { BidForm } from './BidForm';
import { BidSummary } from './BidSummary';

type Mode = 'view' | 'edit' | 'withdrawing';

/**
 * The signed-in provider's bid on a request: none yet, live (revise or withdraw) or withdrawn; read-only after the
 * deadline.
 */
export function BidPanel({ request }: { request: ServiceRequest }) {
  const api = useApi();
  const now = useNow(5_000);
  // The list answers a provider its own bid or none with 200; asking for "my bid" answers 404 until there is one,
  // and a provider opening a request it has not bid on is ordinary, not a failed request.
  const [loaded, reload] = useResource(
    async (signal): Promise<BidView | undefined> =>
      (await api.listBids(request.clusterId, request.id, signal)).items[0],
    [api, request.clusterId, request.id],
  );
  const [saved, setSaved] = useState<BidView | undefined>(undefined);
  const [mode, setMode] = useState<Mode>('view');
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const open = request.status === 'open' && Date.parse(request.biddingDeadline) > now;
  const bid = saved ?? loaded.data;
  const done = (next: BidView, message: string) => {
    setSaved(next);
    setMode('view');
    setNotice(message);
  };
  const withdraw = async () => {
    setError(undefined);
    try {
      done(await api.withdrawBid(request.clusterId, request.id), t('bid.withdrawn'));
    } catch (e) {
      setError(e);
    }
  };

  let body;
  if (loaded.state === 'loading') body = <Loading />;
  else if (loaded.state === 'error') body = <ErrorNotice error={loaded.error} onRetry={reload} />;
  else if (!bid || (bid.status === 'withdrawn' && mode === 'edit')) {
    body = open ? (
      <>
        {!bid && <EmptyState>{t('bid.noneYet')}</EmptyState>}
        <BidForm
          request={request}
          onSaved={(b) => done(b, t('bid.submitted'))}
          {...(bid ? { bid, onCancel: () => setMode('view') } : {})}
        />
      </>
    ) : (
      <p>{t('bid.closedNoBid')}</p>
    );
  } else if (mode === 'edit')
    body = (
      <BidForm
        request={request}
        bid={bid}
        onSaved={(b) => done(b, t('bid.revised'))}
        onCancel={() => setMode('view')}
      />
    );
  else {
    body = (
      <>
        <BidSummary bid={bid} request={request} />
        {error !== undefined && <ErrorNotice error={error} />}
        {open && mode === 'withdrawing' && (
          <div className="confirm" role="group" aria-labelledby="withdraw-title">
            <p className="notice-title" id="withdraw-title">
              {t('bid.withdrawConfirm')}
            </p>
            <div className="actions">
              <button type="button" className="button button-danger" onClick={() => void withdraw()}>
                {t('bid.withdrawYes')}
              </button>
              <button type="button" className="button-secondary" onClick={() => setMode('view')}>
                {t('form.back')}
              </button>
            </div>
          </div>
        )}
        {open && mode === 'view' && (
          <div className="actions">
            <button type="button" className="button" onClick={() => setMode('edit')}>
              {t(bid.status === 'live' ? 'bid.reviseOpen' : 'bid.submitAgain')}
            </button>
            {bid.status === 'live' && (
              <button type="button" className="button-secondary" onClick={() => setMode('withdrawing')}>
                {t('bid.withdraw')}
              </button>
            )}
          </div>
        )}
      </>
    );
  }
  return (
    <section className="panel" aria-labelledby="bid-heading">
      <h2 id="bid-heading">{t('bid.heading')}</h2>
      <p>{open ? t('bid.intro') : t('bid.closed')}</p>
      {notice && <SuccessNotice title={notice} />}
      {body}
    </section>
  );
}
