import { TextInput } from '../../components';
import type { Placed } from '../../hooks';
import { t } from '../../i18n';
import { AGAIN_ID } from './password';

interface Props {
  /** The new password's input id: the API's field name, so its errors land here. */
  id: string;
  password: string;
  again: string;
  onPassword(value: string): void;
  onAgain(value: string): void;
  errors: Placed;
}

/** The new password twice, with the policy as a hint; the ids match `checkNewPassword`'s. */
export function NewPasswordFields({ id, password, again, onPassword, onAgain, errors }: Props) {
  return (
    <>
      <TextInput
        id={id}
        label={t('changePassword.new')}
        hint={t('changePassword.newHint')}
        type="password"
        autoComplete="new-password"
        required
        value={password}
        onValue={onPassword}
        errors={errors[id]}
      />
      <TextInput
        id={AGAIN_ID}
        label={t('changePassword.confirm')}
        type="password"
        autoComplete="new-password"
        required
        value={again}
        onValue={onAgain}
        errors={errors[AGAIN_ID]}
      />
    </>
  );
}
