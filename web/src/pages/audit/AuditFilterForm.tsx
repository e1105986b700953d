import { ACTION_LABELS } from '@bds/core/audit-text';
import { useState, type FormEvent } from 'react';
import type { AuditFilters } from '../../api/operations/admin';
import { SelectInput, TextInput } from '../../components';
import { t } from '../../i18n';

interface Props {
  filters: AuditFilters;
  /** The people seen on the trail so far, by id: the "who" a reader can pick. */
  actors: Readonly<Record<string, string>>;
  onFilter(next: AuditFilters): void;
}

const ACTIONS = Object.entries(ACTION_LABELS)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label));

/** Who, what and when: the filters go into the page's address, so a filtered trail can be shared. */
export function AuditFilterForm({ filters, actors, onFilter }: Props) {
  const [f, setF] = useState<AuditFilters>(filters);
  const set = (patch: AuditFilters) => setF((old) => ({ ...old, ...patch }));
  const people = Object.entries(actors)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onFilter(Object.fromEntries(Object.entries(f).filter(([, v]) => v)) as AuditFilters);
  };
  return (
    <form className="inline-form audit-filters" onSubmit={submit} aria-labelledby="audit-filters-heading">
      <h2 id="audit-filters-heading" className="visually-hidden">
        {t('audit.filters')}
      </h2>
      <SelectInput
        id="audit-actor"
        label={t('audit.actor')}
        value={f.actor ?? ''}
        onValue={(actor) => set({ actor })}
        placeholder={t('audit.actorAny')}
        options={people}
      />
      <SelectInput
        id="audit-action"
        label={t('audit.action')}
        value={f.action ?? ''}
        onValue={(action) => set({ action })}
        placeholder={t('audit.actionAny')}
        options={ACTIONS}
      />
      <TextInput
        id="audit-from"
        type="date"
        label={t('audit.from')}
        value={f.from ?? ''}
        onValue={(from) => set({ from })}
      />
      <TextInput id="audit-to" type="date" label={t('audit.to')} value={f.to ?? ''} onValue={(to) => set({ to })} />
      <button type="submit" className="button">
        {t('audit.apply')}
      </button>
    </form>
  );
}
