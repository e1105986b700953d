import { useState, type FormEvent } from 'react';
import { useApi } from '../../api';
import { ErrorSummary, SubmitButton, SuccessNotice, TextInput } from '../../components';
import { required, useForm } from '../../hooks';
import { t } from '../../i18n';
import { useSession } from '../../session';
import { NewPasswordFields } from './NewPasswordFields';
import { AGAIN_ID, checkNewPassword } from './password';

/**
 * The current password and a new one. The API ends every session and answers with a new one
 * for this device, kept as sign-in keeps it.
 */
export function ChangePassword({ onChanged }: { onChanged(): void }) {
  const api = useApi();
  const { signIn } = useSession();
  const form = useForm(['currentPassword', 'newPassword', AGAIN_ID]);
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [done, setDone] = useState(false);

  const check = () => {
    const placed = {};
    required(placed, 'currentPassword', current, t('changePassword.required'));
    return checkNewPassword(placed, 'newPassword', { password, again });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    void form.submit(check, async () => {
      signIn(await api.changePassword(current, password));
      setCurrent('');
      setPassword('');
      setAgain('');
      setDone(true);
      onChanged();
    });
  };

  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">{t('changePassword.heading')}</h2>
      {done && <SuccessNotice title={t('changePassword.changed')} />}
      <form className="form" onSubmit={submit} noValidate aria-busy={form.busy}>
        <ErrorSummary items={form.summary} />
        <TextInput
          id="currentPassword"
          label={t('changePassword.current')}
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onValue={setCurrent}
          errors={form.errors.currentPassword}
        />
        <NewPasswordFields
          id="newPassword"
          password={password}
          again={again}
          onPassword={setPassword}
          onAgain={setAgain}
          errors={form.errors}
        />
        <div className="actions">
          <SubmitButton busy={form.busy} label={t('changePassword.change')} busyLabel={t('changePassword.changing')} />
        </div>
      </form>
    </section>
  );
}
