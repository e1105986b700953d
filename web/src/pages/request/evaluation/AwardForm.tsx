import { useState, type FormEvent } from 'react';
import { useApi, type BidView, type Evaluation, type ServiceRequest } from '../../../api';
import { ErrorSummary, SubmitButton, TextArea } from '../../../components';
import { useForm, type Placed } from '../../../hooks';
import { t } from '../../../i18n';
import { RankedDetail, rankedLabel } from './Ranking';

/** The core's rule: a pick other than the recommendation is explained in 20 characters or more. */
const MIN_REASON = 20;

interface Props {
  request: ServiceRequest;
  evaluation: Evaluation;
  bids: Map<string, BidView>;
  onAwarded(request: ServiceRequest): void;
}

/** The ranking as choices: the recommended bid is preselected; any other needs a written reason. */
export function AwardForm({ request, evaluation, bids, onAwarded }: Props) {
  const api = useApi();
  const recommended = evaluation.recommended?.bidId ?? '';
  const [bidId, setBidId] = useState(recommended);
  const [reason, setReason] = useState('');
  const form = useForm(['bidId', 'reason']);
  const other = bidId !== recommended;
  const check = (): Placed => {
    const placed: Placed = {};
    if (!bidId) placed.bidId = [t('award.choose')];
    if (other && reason.trim().length < MIN_REASON) placed.reason = [t('award.reasonRequired', { min: MIN_REASON })];
    return placed;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(check, async () =>
      onAwarded(await api.award(request.clusterId, request.id, bidId, other ? reason.trim() : undefined)),
    );
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-busy={form.busy}>
      <ErrorSummary items={form.summary} />
      <fieldset className={`fieldset${form.errors.bidId ? ' field-invalid' : ''}`}>
        <legend>{t('award.legend')}</legend>
        {form.errors.bidId && <p className="field-error">{form.errors.bidId.join(' ')}</p>}
        <ol className="ranking">
          {evaluation.ranking.map((r, i) => (
            <li key={r.bidId} className="ranking-choice">
              <div className="choice">
                <input
                  type="radio"
                  name="bidId"
                  id={i === 0 ? 'bidId' : `bid-${r.bidId}`}
                  value={r.bidId}
                  checked={bidId === r.bidId}
                  onChange={() => setBidId(r.bidId)}
                  aria-describedby={`detail-${r.bidId}`}
                />
                <label htmlFor={i === 0 ? 'bidId' : `bid-${r.bidId}`}>{rankedLabel(r, evaluation.providers)}</label>
              </div>
              <div id={`detail-${r.bidId}`}>
                <RankedDetail
                  r={r}
                  bid={bids.get(r.bidId)}
                  recommended={r.bidId === recommended}
                  providers={evaluation.providers}
                  brief
                />
              </div>
            </li>
          ))}
        </ol>
      </fieldset>
      {other && (
        <TextArea
          id="reason"
          label={t('award.reason')}
          hint={t('award.reasonHint', { min: MIN_REASON })}
          rows={3}
          value={reason}
          onValue={setReason}
          errors={form.errors.reason}
        />
      )}
      <div className="actions">
        <SubmitButton busy={form.busy} label={t('award.submit')} busyLabel={t('award.saving')} />
      </div>
    </form>
  );
}
