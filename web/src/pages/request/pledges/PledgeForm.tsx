import { useState, type FormEvent } from 'react';
import { useApi, type FirmProfile, type ServiceRequest } from '../../../api';
import { ErrorNotice, SubmitButton } from '../../../components';
import { formatCount } from '../../../format';
import { t, tKey, tn } from '../../../i18n';

interface Props {
  request: ServiceRequest;
  /** Member firms not pledged yet. */
  firms: FirmProfile[];
  onPledged(): void;
}

/** Pick member firms and pledge them, one call per firm; a firm refused says why, the others still go through. */
export function PledgeForm({ request, firms, onPledged }: Props) {
  const api = useApi();
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<{ firm: string; error: unknown }[]>([]);
  const [missing, setMissing] = useState(false);
  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMissing(chosen.length === 0);
    if (chosen.length === 0) return document.getElementById('pledge-firms')?.focus();
    setBusy(true);
    const failed: { firm: string; error: unknown }[] = [];
    for (const firmId of chosen) {
      try {
        await api.pledgeFirm(request.clusterId, request.id, firmId);
      } catch (error) {
        failed.push({ firm: firms.find((f) => f.id === firmId)?.name ?? firmId, error });
      }
    }
    setFailures(failed);
    setChosen([]);
    setBusy(false);
    onPledged();
  };
  if (firms.length === 0) return <p className="hint">{t('pledges.allPledged')}</p>;
  return (
    <form className="form" onSubmit={submit} noValidate aria-busy={busy}>
      <fieldset
        className={`fieldset${missing ? ' field-invalid' : ''}`}
        aria-describedby={missing ? 'pledge-firms-error' : undefined}
      >
        <legend>{t('pledges.choose')}</legend>
        {missing && (
          <p className="field-error" id="pledge-firms-error">
            {t('pledges.chooseOne')}
          </p>
        )}
        <ul className="checks">
          {firms.map((f, i) => (
            <li key={f.id}>
              <input
                type="checkbox"
                id={i === 0 ? 'pledge-firms' : `pledge-${f.id}`}
                checked={chosen.includes(f.id)}
                onChange={(e) => toggle(f.id, e.target.checked)}
              />
              <label htmlFor={i === 0 ? 'pledge-firms' : `pledge-${f.id}`}>
                {f.name}{' '}
                <span className="hint">
                  {t('firms.line', { employees: formatCount(f.employees), size: tKey('size', f.sizeClass) })}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {failures.map((f) => (
        <ErrorNotice key={f.firm} error={f.error} />
      ))}
      <div className="actions">
        <SubmitButton
          busy={busy}
          label={chosen.length > 0 ? tn('pledges.submit', chosen.length) : t('pledges.submitNone')}
          busyLabel={t('pledges.saving')}
        />
      </div>
    </form>
  );
}
