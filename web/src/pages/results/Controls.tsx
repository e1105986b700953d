import { SelectInput, TextInput } from '../../components';
import { t } from '../../i18n';

export interface Filter {
  state: string;
  from: string;
  to: string;
}

interface Props {
  filter: Filter;
  states: string[];
  onFilter(next: Filter): void;
  onRefresh(): void;
  refreshing: boolean;
}

/** The scope (a state, or the whole country) and the period, in whole months. */
export function Controls({ filter, states, onFilter, onRefresh, refreshing }: Props) {
  const set = (key: keyof Filter) => (value: string) => onFilter({ ...filter, [key]: value });
  const options = [{ value: '', label: t('results.scopeNational') }, ...states.map((s) => ({ value: s, label: s }))];
  return (
    <form className="filters results-filters" onSubmit={(e) => e.preventDefault()} aria-label={t('results.title')}>
      <SelectInput
        id="scope"
        label={t('results.scope')}
        value={filter.state}
        onValue={set('state')}
        options={options}
      />
      <TextInput id="from" type="month" label={t('results.from')} value={filter.from} onValue={set('from')} />
      <TextInput id="to" type="month" label={t('results.to')} value={filter.to} onValue={set('to')} />
      <div className="actions">
        {/* Never disabled: a poll in flight must not take the button (or its focus) away. */}
        <button type="button" className="button button-secondary" onClick={onRefresh} aria-busy={refreshing}>
          {refreshing ? t('results.refreshing') : t('results.refresh')}
        </button>
      </div>
    </form>
  );
}
