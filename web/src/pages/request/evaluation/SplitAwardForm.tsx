import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApi, type BidView, type Evaluation, type ServiceRequest, type SplitPreview } from '../../../api';
import { ErrorSummary, SubmitButton } from '../../../components';
import { formatAmount, formatCount } from '../../../format';
import { useForm } from '../../../hooks';
import { t, tn } from '../../../i18n';
import { RankedDetail } from './Ranking';

interface Props {
  request: ServiceRequest;
  evaluation: Evaluation;
  bids: Map<string, BidView>;
  onAwarded(request: ServiceRequest): void;
}

/** Each contract's money in one line: "Sutra: 3 firms at ₹30,000 per firm, ₹90,000; ₹45,000 held in escrow; …" */
export function contractLine(c: SplitPreview['contracts'][number]): string {
  return t('split.contractLine', {
    provider: c.providerName,
    firms: formatCount(c.firms),
    price: formatAmount(c.pricePerFirm),
    total: formatAmount(c.total),
    subsidy: formatAmount(c.subsidy),
    privateShare: formatAmount(c.privateShare),
  });
}

/** The split's consequence from the server's preview, and the final yes. */
function ConfirmSplit({ preview, busy, onBack }: { preview: SplitPreview; busy: boolean; onBack(): void }) {
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => questionRef.current?.focus(), []);
  const count = preview.contracts.length;
  return (
    <div className="confirm" role="group" aria-labelledby="split-confirm-heading">
      <h3 className="notice-title" id="split-confirm-heading">
        {t('split.confirmHeading')}
      </h3>
      <p tabIndex={-1} ref={questionRef}>
        {tn('split.confirm', count, {
          total: formatAmount(preview.total),
          subsidy: formatAmount(preview.subsidy),
          privateShare: formatAmount(preview.privateShare),
        })}
      </p>
      <ul aria-label={t('split.contractsLabel')}>
        {preview.contracts.map((c) => (
          <li key={c.bidId}>{contractLine(c)}</li>
        ))}
      </ul>
      <p className="hint">{t('split.confirmNote')}</p>
      <div className="actions">
        <SubmitButton
          busy={busy}
          label={tn('split.yes', count, { total: formatAmount(preview.total) })}
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
 * No single bidder can serve the pledged volume (issue 13): the ranked bids, each with what it can
 * take, and the rule's split — the best score first, each to its capacity — worked out by the server
 * (each provider's contract, its subsidy and what its firms pay) before the lead confirms it.
 */
export function SplitAwardForm({ request, evaluation, bids, onAwarded }: Props) {
  const api = useApi();
  const form = useForm([]);
  const [preview, setPreview] = useState<SplitPreview | undefined>(undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!preview) {
      void form.submit(
        () => ({}),
        async () => setPreview(await api.previewSplitAward(request.clusterId, request.id, {})),
      );
      return;
    }
    void form.submit(
      () => ({}),
      async () => onAwarded((await api.awardSplit(request.clusterId, request.id, {})).request),
    );
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-busy={form.busy}>
      <p className="notice notice-warn">{t('split.needed', { volume: formatCount(evaluation.volume ?? 0) })}</p>
      <ErrorSummary items={form.summary} />
      <ol className="ranking">
        {evaluation.ranking.map((r) => (
          <li key={r.bidId} className="ranking-item">
            <RankedDetail r={r} bid={bids.get(r.bidId)} recommended={false} providers={evaluation.providers} />
            {/* The bid's own capacity is in the detail; say so only when the provider has less left. */}
            {r.capacity !== undefined && r.capacity !== bids.get(r.bidId)?.capacity && (
              <p className="hint">{t('split.canTake', { firms: formatCount(r.capacity) })}</p>
            )}
          </li>
        ))}
      </ol>
      {preview ? (
        <ConfirmSplit preview={preview} busy={form.busy} onBack={() => setPreview(undefined)} />
      ) : (
        <div className="actions">
          <SubmitButton busy={form.busy} label={t('split.submit')} busyLabel={t('award.previewing')} />
        </div>
      )}
    </form>
  );
}
