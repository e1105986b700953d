import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApi, type AwardPreview, type BidView, type Evaluation, type ServiceRequest } from '../../../api';
import { ErrorSummary, SubmitButton, TextArea } from '../../../components';
import { formatAmount } from '../../../format';
import { useForm, type Placed } from '../../../hooks';
import { t } from '../../../i18n';
import { awardConsequence } from './awardText';
import { RankedDetail, rankedLabel } from './Ranking';

/** The core's rule: a pick other than the recommendation is explained in 20 characters or more. */
const MIN_REASON = 20;

interface Props {
  request: ServiceRequest;
  evaluation: Evaluation;
  bids: Map<string, BidView>;
  onAwarded(request: ServiceRequest): void;
}

/** The award's consequence, from the server's preview, and the final yes (the pattern of `ConfirmAction`). */
function ConfirmAward({ preview, busy, onBack }: { preview: AwardPreview; busy: boolean; onBack(): void }) {
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => questionRef.current?.focus(), []);
  return (
    <div className="confirm" role="group" aria-labelledby="award-confirm-heading">
      <h3 className="notice-title" id="award-confirm-heading">
        {t('award.confirmHeading')}
      </h3>
      <p tabIndex={-1} ref={questionRef}>
        {awardConsequence(preview)}
      </p>
      <p className="hint">{t('award.confirmNote')}</p>
      <div className="actions">
        <SubmitButton
          busy={busy}
          label={t('award.yes', { total: formatAmount(preview.total), provider: preview.providerName })}
          busyLabel={t('award.saving')}
          className="button button-danger"
        />
        <button type="button" className="button-secondary" onClick={onBack}>
          {t('confirm.back')}
        </button>
      </div>
    </div>
  );
}

/**
 * The ranking as choices: the recommended bid is preselected; any other needs a written reason.
 * Before the award is made, the server works out what it would do to the money (the subsidy each
 * programme holds in escrow, what each firm pays) and the lead confirms that sentence.
 */
export function AwardForm({ request, evaluation, bids, onAwarded }: Props) {
  const api = useApi();
  const recommended = evaluation.recommended?.bidId ?? '';
  const [bidId, setBidId] = useState(recommended);
  const [reason, setReason] = useState('');
  const form = useForm(['bidId', 'reason']);
  const [preview, setPreview] = useState<AwardPreview | undefined>(undefined);
  const other = bidId !== recommended;
  const check = (): Placed => {
    const placed: Placed = {};
    if (!bidId) placed.bidId = [t('award.choose')];
    if (other && reason.trim().length < MIN_REASON) placed.reason = [t('award.reasonRequired', { min: MIN_REASON })];
    return placed;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!preview) {
      void form.submit(check, async () => setPreview(await api.previewAward(request.clusterId, request.id, bidId)));
      return;
    }
    void form.submit(check, async () =>
      onAwarded(await api.award(request.clusterId, request.id, bidId, other ? reason.trim() : undefined)),
    );
  };
  // A different choice is a different consequence: it is worked out again before the yes.
  const choose = (id: string) => {
    setBidId(id);
    setPreview(undefined);
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
                  onChange={() => choose(r.bidId)}
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
      {preview ? (
        <ConfirmAward preview={preview} busy={form.busy} onBack={() => setPreview(undefined)} />
      ) : (
        <div className="actions">
          <SubmitButton busy={form.busy} label={t('award.submit')} busyLabel={t('award.previewing')} />
        </div>
      )}
    </form>
  );
}
