import { useState } from 'react';
import { formatIst } from '@bds/core/ist';
import { ApiError, useApi, type ServiceRequest } from '../../../api';
import { ConfirmAction, ErrorNotice, Loading, SuccessNotice, TextArea } from '../../../components';
import { formatCount, formatMoney } from '../../../format';
import { useNow, useResource } from '../../../hooks';
import { t, tKey } from '../../../i18n';

const MIN = 20;
const points = (score: number) => (score / 100).toLocaleString('en-IN', { maximumFractionDigits: 2 });

/**
 * A bidder's own standing once its request is ranked: rank, score and its parts, the weights, the winning price at
 * the pledged volume, the number of bids, the stand-still; and, while it runs, its one complaint.
 */
export function MyStanding({ request }: { request: ServiceRequest }) {
  const api = useApi();
  const now = useNow(30_000);
  const [filed, setFiled] = useState(false);
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState('');
  const [loaded, reload] = useResource(
    async (signal) => {
      // Only a bidder has a place in the ranking: the bids list answers 200 with none, "my ranking" would say 404.
      const bids = await api.listBids(request.clusterId, request.id, signal);
      if (bids.items.length === 0) return { ranking: undefined, mine: undefined };
      const [ranking, complaints] = await Promise.all([
        api
          .getMyRanking(request.clusterId, request.id, signal)
          .catch((e: unknown) => (e instanceof ApiError && e.status === 404 ? undefined : Promise.reject(e))),
        api.listRequestComplaints(request.clusterId, request.id, signal),
      ]);
      return { ranking, mine: complaints.items[0] };
    },
    [api, request.clusterId, request.id, request.status, request.standstillEndsAt],
  );
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'error') return <ErrorNotice error={loaded.error} onRetry={reload} />;
  const { ranking, mine } = loaded.data;
  if (!ranking) return null;
  const ends = ranking.standstillEndsAt;
  const running = ends !== undefined && Date.parse(ends) > now && request.status === 'evaluating';
  return (
    <section className="panel" aria-labelledby="standing-heading">
      <h2 id="standing-heading">{t('standing.heading')}</h2>
      <ul className="facts">
        {ranking.mine.status === 'ranked' ? (
          <>
            <li>{t('standing.ranked', { rank: ranking.mine.rank, bids: formatCount(ranking.bids) })}</li>
            <li>
              {t('standing.scores', {
                score: points(ranking.mine.score),
                price: points(ranking.mine.priceScore),
                quality: points(ranking.mine.qualityScore),
              })}
            </li>
          </>
        ) : (
          <>
            <li>{t('standing.excluded', { detail: ranking.mine.detail })}</li>
            <li>{t('standing.bids', { bids: formatCount(ranking.bids) })}</li>
          </>
        )}
        <li>{t('standing.weights', { price: ranking.weights.price, quality: ranking.weights.quality })}</li>
        {ranking.winning && (
          <li>
            {t('standing.winning', {
              price: formatMoney(ranking.winning.pricePerFirm.amount, ranking.winning.pricePerFirm.currency),
              volume: formatCount(ranking.volume ?? 0),
              total: formatMoney(ranking.winning.total.amount, ranking.winning.total.currency),
            })}
          </li>
        )}
        {ends && <li>{t(running ? 'standing.running' : 'standing.ended', { time: formatIst(ends) })}</li>}
      </ul>
      {filed && <SuccessNotice title={t('complaint.filed')} />}
      {mine && (
        <div className="notice">
          <p>
            {t('complaint.mine', {
              time: formatIst(mine.filedAt),
              status: tKey('complaint.status', mine.status),
            })}
          </p>
          {mine.decision && <p>{t('complaint.decisionReason', { reason: mine.decision.reason })}</p>}
        </div>
      )}
      {!mine && running && (
        <ConfirmAction
          id="complaint"
          openLabel={t('complaint.open')}
          heading={t('complaint.heading')}
          known={['reason', 'evidence']}
          fields={(errors) => (
            <>
              <TextArea
                id="reason"
                label={t('complaint.reason')}
                hint={t('complaint.reasonHint', { min: MIN })}
                rows={4}
                value={reason}
                onValue={setReason}
                errors={errors.reason}
              />
              <TextArea
                id="evidence"
                label={t('complaint.evidence')}
                hint={t('complaint.evidenceHint')}
                rows={3}
                value={evidence}
                onValue={setEvidence}
                errors={errors.evidence}
              />
            </>
          )}
          check={(): Record<string, string[]> =>
            reason.trim().length < MIN ? { reason: [t('complaint.reasonRequired', { min: MIN })] } : {}
          }
          confirmText={() => t('complaint.confirm')}
          yesLabel={t('complaint.yes')}
          busyLabel={t('complaint.saving')}
          danger
          act={async () => {
            await api.fileComplaint(request.clusterId, request.id, {
              reason: reason.trim(),
              ...(evidence.trim() ? { evidence: evidence.trim() } : {}),
            });
            setFiled(true);
            reload();
          }}
        />
      )}
    </section>
  );
}
