import { useState } from 'react';
import { formatIst } from '@bds/core/ist';
import { useApi, type Complaint, type Evaluation, type ServiceRequest } from '../../../api';
import { ConfirmAction, ErrorNotice, Loading, SelectInput, TextArea } from '../../../components';
import { useResource } from '../../../hooks';
import { t, tKey } from '../../../i18n';
import { providerName } from '../evaluation/Ranking';

const MIN = 20;
const RESTORABLE = ['below_first_tier', 'over_capacity', 'over_remaining_capacity'];
type Choice = 'dismissed' | 'reevaluate' | 'cancel';

/** The cluster admin's decision on one open complaint, confirmed with its consequence. */
function Decide({
  request,
  complaint,
  evaluation,
  onDecided,
}: {
  request: ServiceRequest;
  complaint: Complaint;
  evaluation: Evaluation;
  onDecided(r: ServiceRequest): void;
}) {
  const api = useApi();
  const [choice, setChoice] = useState<Choice>('dismissed');
  const [reason, setReason] = useState('');
  const [restore, setRestore] = useState<string[]>([]);
  const restorable = evaluation.invalid.filter((b) => RESTORABLE.includes(b.reason));
  const who = providerName(complaint.providerId, evaluation.providers);
  return (
    <ConfirmAction
      id={`decide-${complaint.id}`}
      openLabel={t('complaints.decide')}
      heading={t('complaints.decideHeading', { provider: who })}
      headingLevel={4}
      known={['reason', 'restoreBidIds']}
      fields={(errors) => (
        <>
          <SelectInput
            id="outcome"
            label={t('complaints.outcome')}
            value={choice}
            onValue={(v) => setChoice(v as Choice)}
            options={(['dismissed', 'reevaluate', 'cancel'] as const).map((value) => ({
              value,
              label: t(`complaints.outcome.${value}`),
            }))}
          />
          <TextArea
            id="reason"
            label={t('complaints.decisionReason')}
            hint={t('complaints.decisionReasonHint', { min: MIN })}
            rows={3}
            value={reason}
            onValue={setReason}
            errors={errors.reason}
          />
          {choice === 'reevaluate' && restorable.length > 0 && (
            <fieldset className="checks">
              <legend>{t('complaints.restore')}</legend>
              {restorable.map((b) => (
                <label key={b.bidId}>
                  <input
                    type="checkbox"
                    checked={restore.includes(b.bidId)}
                    onChange={(e) =>
                      setRestore(e.target.checked ? [...restore, b.bidId] : restore.filter((id) => id !== b.bidId))
                    }
                  />{' '}
                  {t('ranking.invalid', {
                    provider: providerName(b.providerId, evaluation.providers),
                    detail: b.detail,
                  })}
                </label>
              ))}
            </fieldset>
          )}
        </>
      )}
      check={(): Record<string, string[]> =>
        reason.trim().length < MIN ? { reason: [t('complaint.reasonRequired', { min: MIN })] } : {}
      }
      confirmText={() => t(`complaints.confirm.${choice}`)}
      yesLabel={t('complaints.yes')}
      busyLabel={t('complaints.saving')}
      danger={choice === 'cancel'}
      act={async () => {
        const body =
          choice === 'dismissed'
            ? { outcome: 'dismissed' as const, reason: reason.trim() }
            : choice === 'cancel'
              ? { outcome: 'upheld' as const, remedy: 'cancel' as const, reason: reason.trim() }
              : {
                  outcome: 'upheld' as const,
                  remedy: 'reevaluate' as const,
                  reason: reason.trim(),
                  ...(restore.length ? { restoreBidIds: restore } : {}),
                };
        const out = await api.decideComplaint(request.clusterId, request.id, complaint.id, body);
        onDecided(out.request);
      }}
    />
  );
}

/**
 * A ranked request's complaints, for the sponsoring associations (the award is blocked while one is open) and the
 * cluster's admins (who decide each one). Nothing shows while there is none.
 */
export function ComplaintsPanel({
  request,
  canDecide,
  onChanged,
}: {
  request: ServiceRequest;
  canDecide: boolean;
  onChanged(r: ServiceRequest): void;
}) {
  const api = useApi();
  const [loaded, reload] = useResource(
    async (signal) => {
      const [complaints, evaluation] = await Promise.all([
        api.listRequestComplaints(request.clusterId, request.id, signal),
        api.getEvaluation(request.clusterId, request.id, signal),
      ]);
      return { items: complaints.items, evaluation };
    },
    [api, request.clusterId, request.id, request.status, request.openComplaints],
  );
  const blocked = (request.openComplaints ?? 0) > 0;
  if (loaded.state === 'loading') return blocked ? <Loading /> : null;
  if (loaded.state === 'error') return <ErrorNotice error={loaded.error} onRetry={reload} />;
  const { items, evaluation } = loaded.data;
  if (items.length === 0 && !blocked) return null;
  return (
    <section className="panel" aria-labelledby="complaints-heading">
      <h2 id="complaints-heading">{t('complaints.heading')}</h2>
      {blocked && (
        <div className="notice notice-warn" role="status">
          <p className="notice-title">{t('complaints.blocked')}</p>
          <p>{t('complaints.blockedBody')}</p>
        </div>
      )}
      <ul className="complaint-list">
        {items.map((c) => (
          <li key={c.id} className="complaint-item">
            <p>
              {t('complaints.item', {
                provider: providerName(c.providerId, evaluation.providers),
                time: formatIst(c.filedAt),
                status: tKey('complaint.status', c.status),
              })}
            </p>
            <p className="prose">{t('complaints.reason', { reason: c.reason })}</p>
            {c.evidence && <p className="prose">{t('complaints.evidence', { evidence: c.evidence })}</p>}
            {c.decision && <p>{t('complaint.decisionReason', { reason: c.decision.reason })}</p>}
            {canDecide && c.status === 'open' && (
              <Decide request={request} complaint={c} evaluation={evaluation} onDecided={onChanged} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
