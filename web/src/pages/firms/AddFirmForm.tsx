import { useState, type FormEvent } from 'react';
import { useApi, type FirmProfile, type NewFirm } from '../../api';
import { ErrorSummary, SubmitButton, TextInput } from '../../components';
import { sameName } from './register';
import { required, useForm, type Placed } from '../../hooks';
import { t } from '../../i18n';

const EMPTY = { name: '', employees: '', sectorDetail: '', email: '', mechanised: false, womenLed: false };

/**
 * One member firm by hand: name, employees, mechanised, women-led, what it makes. A name already in the register
 * (`existing`, compared as a person would) is warned of first; a second press adds it anyway.
 */
export function AddFirmForm({
  clusterId,
  associationId,
  existing,
  onAdded,
}: {
  clusterId: string;
  associationId: string;
  existing: readonly FirmProfile[];
  onAdded(firm: FirmProfile): void;
}) {
  const api = useApi();
  const [f, setF] = useState(EMPTY);
  // The name the person was warned of: the next press adds it (a firm may share another's name).
  const [warnedFor, setWarnedFor] = useState<string | undefined>(undefined);
  const twin = sameName(existing, f.name)[0];
  const warned = twin !== undefined && warnedFor === f.name.trim();
  const form = useForm(['name', 'employees', 'sectorDetail', 'email', 'mechanised', 'womenLed']);
  const check = (): Placed => {
    const placed: Placed = {};
    required(placed, 'name', f.name, t('firms.name'));
    if (!/^\s*\d+\s*$/.test(f.employees) || Number(f.employees) < 1) placed.employees = [t('firms.employeesInvalid')];
    return placed;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (twin && !warned) {
      setWarnedFor(f.name.trim());
      return;
    }
    void form.submit(check, async () => {
      const body: NewFirm = {
        name: f.name.trim(),
        employees: Number(f.employees),
        mechanised: f.mechanised,
        womenLed: f.womenLed,
        ...(f.sectorDetail.trim() ? { sectorDetail: f.sectorDetail.trim() } : {}),
        ...(f.email.trim() ? { email: f.email.trim() } : {}),
      };
      onAdded(await api.registerFirm(clusterId, associationId, body));
      setF(EMPTY);
    });
  };
  return (
    <form className="form panel" onSubmit={submit} noValidate aria-busy={form.busy} aria-labelledby="add-firm-heading">
      <h2 id="add-firm-heading">{t('firms.addHeading')}</h2>
      <ErrorSummary items={form.summary} />
      <TextInput
        id="name"
        label={t('firms.name')}
        value={f.name}
        onValue={(name) => setF((s) => ({ ...s, name }))}
        errors={form.errors.name}
      />
      <div className="row">
        <TextInput
          id="employees"
          label={t('firms.employeesLabel')}
          type="number"
          min={1}
          value={f.employees}
          onValue={(employees) => setF((s) => ({ ...s, employees }))}
          errors={form.errors.employees}
        />
        <TextInput
          id="sectorDetail"
          label={t('firms.sectorDetail')}
          hint={t('firms.optional')}
          value={f.sectorDetail}
          onValue={(sectorDetail) => setF((s) => ({ ...s, sectorDetail }))}
          errors={form.errors.sectorDetail}
        />
      </div>
      <TextInput
        id="email"
        label={t('firms.email')}
        hint={t('firms.emailHint')}
        type="email"
        autoComplete="off"
        value={f.email}
        onValue={(email) => setF((s) => ({ ...s, email }))}
        errors={form.errors.email}
      />
      <ul className="checks">
        <li>
          <input
            type="checkbox"
            id="mechanised"
            checked={f.mechanised}
            onChange={(e) => setF((s) => ({ ...s, mechanised: e.target.checked }))}
          />
          <label htmlFor="mechanised">{t('firms.mechanisedLabel')}</label>
        </li>
        <li>
          <input
            type="checkbox"
            id="womenLed"
            checked={f.womenLed}
            onChange={(e) => setF((s) => ({ ...s, womenLed: e.target.checked }))}
          />
          <label htmlFor="womenLed">{t('firms.womenLedLabel')}</label>
        </li>
      </ul>
      {warned && (
        <p className="notice" role="alert">
          {t('firms.duplicate', { firm: twin.name })}
        </p>
      )}
      <div className="actions">
        <SubmitButton
          busy={form.busy}
          label={warned ? t('firms.addAnyway') : t('firms.add')}
          busyLabel={t('firms.adding')}
        />
      </div>
    </form>
  );
}
