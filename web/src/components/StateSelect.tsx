import { STATES_AND_UNION_TERRITORIES } from '@bds/core/states';
import { t } from '../i18n';
import { SelectInput } from './Inputs';

const OPTIONS = STATES_AND_UNION_TERRITORIES.map((s) => ({ value: s, label: s }));

interface Props {
  id: string;
  label: string;
  value: string;
  onValue(value: string): void;
  hint?: string | undefined;
  errors?: string[] | undefined;
}

/**
 * A state or union territory of India, chosen from the official list (the API accepts no other
 * spelling), so one state's clusters and figures never split across "Panjab" and "Punjab".
 */
export function StateSelect({ id, label, value, onValue, hint, errors }: Props) {
  return (
    <SelectInput
      id={id}
      label={label}
      value={value}
      onValue={onValue}
      options={OPTIONS}
      placeholder={t('form.chooseState')}
      {...(hint ? { hint } : {})}
      {...(errors ? { errors } : {})}
    />
  );
}
