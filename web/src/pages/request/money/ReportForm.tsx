import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  useApi,
  type Api,
  type MilestoneMoney,
  type PledgedFirm,
  type RequestMoney,
  type ServiceRequest,
} from '../../../api';
import { ErrorSummary, Loading, SubmitButton, TextArea } from '../../../components';
import { scoped, useForm, useResource, type Placed } from '../../../hooks';
import { t } from '../../../i18n';

/** The core's rule: evidence of a delivery is 10 characters or more. */
const MIN_EVIDENCE = 10;

/** Every pledged firm of the request (a report names up to 500 attendees: more than one page). */
async function allPledgedFirms(api: Api, request: ServiceRequest, signal: AbortSignal): Promise<PledgedFirm[]> {
  const firms: PledgedFirm[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.listPledgedFirms(request.clusterId, request.id, cursor, signal);
    firms.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return firms.sort((a, b) => a.firmName.localeCompare(b.firmName));
}

/**
 * The pledged firms, as the awarded provider may see them; if the list cannot be read, the form says so and goes on
 * without it.
 */
function usePledgedFirms(request: ServiceRequest) {
  const api = useApi();
  const [pledges] = useResource(
    (signal) => allPledgedFirms(api, request, signal),
    [api, request.clusterId, request.id],
  );
  return pledges;
}

/** The provider reports a milestone delivered: what was done, and which pledged firms attended. */
export function ReportForm({
  request,
  milestone,
  onReported,
}: {
  request: ServiceRequest;
  milestone: MilestoneMoney;
  onReported(m: RequestMoney): void;
}) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [evidence, setEvidence] = useState('');
  const [attended, setAttended] = useState<string[]>([]);
  const ids = { evidence: `m${milestone.index}-evidence`, firms: `m${milestone.index}-attendedFirmIds` };
  const form = useForm([ids.evidence, ids.firms]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const pledges = usePledgedFirms(request);
  useEffect(() => {
    if (open) headingRef.current?.focus();
  }, [open]);
  const check = (): Placed =>
    evidence.trim().length < MIN_EVIDENCE
      ? { [ids.evidence]: [t('report.evidenceRequired', { min: MIN_EVIDENCE })] }
      : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(check, async () =>
      onReported(
        await scoped(
          `m${milestone.index}`,
          api.reportMilestone(request.clusterId, request.id, milestone.index, evidence.trim(), attended),
        ),
      ),
    );
  };
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('report.open', { name: milestone.name })}
      </button>
    );
  }
  const headingId = `report-${milestone.index}-heading`;
  const errors = { evidence: form.errors[ids.evidence] ?? [], firms: form.errors[ids.firms] ?? [] };
  return (
    <form
      className="confirm confirm-plain"
      onSubmit={submit}
      noValidate
      aria-labelledby={headingId}
      aria-busy={form.busy}
    >
      <h5 className="notice-title" id={headingId} tabIndex={-1} ref={headingRef}>
        {t('report.heading', { name: milestone.name })}
      </h5>
      <ErrorSummary items={form.summary} />
      <TextArea
        id={ids.evidence}
        label={t('report.evidence')}
        hint={t('report.evidenceHint')}
        rows={4}
        value={evidence}
        onValue={setEvidence}
        errors={errors.evidence}
      />
      {pledges.state === 'loading' && <Loading />}
      {pledges.state === 'error' && <p className="hint">{t('report.firmsUnavailable')}</p>}
      {pledges.state === 'ok' && pledges.data.length > 0 && (
        <fieldset
          className={`fieldset${errors.firms.length ? ' field-invalid' : ''}`}
          id={ids.firms}
          tabIndex={-1}
          aria-describedby={`${ids.firms}-hint`}
        >
          <legend>{t('report.firms')}</legend>
          <p className="hint" id={`${ids.firms}-hint`}>
            {t('report.firmsHint')}
          </p>
          {errors.firms.length > 0 && <p className="field-error">{errors.firms.join(' ')}</p>}
          <ul className="checks">
            {pledges.data.map((p) => (
              <li key={p.firmId}>
                <input
                  type="checkbox"
                  id={`${ids.firms}-${p.firmId}`}
                  checked={attended.includes(p.firmId)}
                  onChange={(e) =>
                    setAttended((a) => (e.target.checked ? [...a, p.firmId] : a.filter((x) => x !== p.firmId)))
                  }
                />
                <label htmlFor={`${ids.firms}-${p.firmId}`}>{p.firmName}</label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <div className="actions">
        <SubmitButton busy={form.busy} label={t('report.submit')} busyLabel={t('report.saving')} />
        <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
          {t('confirm.back')}
        </button>
      </div>
    </form>
  );
}
