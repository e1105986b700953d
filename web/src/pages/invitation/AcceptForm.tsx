import { useState, type FormEvent } from 'react';
import { ApiError, useApi, type InvitationPreview } from '../../api';
import { ErrorSummary, SubmitButton, TextInput } from '../../components';
import { required, useForm, type Placed } from '../../hooks';
import { t } from '../../i18n';
import { navigate, paths } from '../../router';
import { useSession } from '../../session';

/** The API's rule (NIST 800-63B favours length): at least 12 characters. */
export const MIN_PASSWORD = 12;

/** Checks a new password and its repetition; shared by the invitation and provider sign-up. */
export function checkPassword(placed: Placed, password: string, confirm: string | undefined): void {
  if (password.length === 0) (placed.password ??= []).push(t('password.required'));
  else if (password.length < MIN_PASSWORD) (placed.password ??= []).push(t('password.tooShort', { min: MIN_PASSWORD }));
  if (confirm !== undefined && password !== confirm) (placed.confirm ??= []).push(t('password.mismatch'));
}

interface Props {
  token: string;
  invitation: InvitationPreview;
  /** The link turned out to be used or expired meanwhile. */
  onGone(code: string): void;
}

/** Choose a name and a password; on success the new account is signed in and lands at home. */
export function AcceptForm({ token, invitation, onGone }: Props) {
  const api = useApi();
  const { signIn } = useSession();
  const [name, setName] = useState(invitation.name);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const form = useForm(['name', 'password', 'confirm']);

  const check = () => {
    const placed: Placed = {};
    required(placed, 'name', name, t('invitation.name'));
    checkPassword(placed, password, confirm);
    return placed;
  };
  const accept = async () => {
    try {
      const trimmed = name.trim();
      signIn(
        await api.acceptInvitation(token, { password, ...(trimmed !== invitation.name ? { name: trimmed } : {}) }),
      );
      navigate(paths.home(), { replace: true });
    } catch (error) {
      if (
        error instanceof ApiError &&
        (error.code === 'INVITATION.USED' || error.code === 'INVITATION.EXPIRED' || error.status === 404)
      )
        return onGone(error.code);
      throw error;
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(check, accept);
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-busy={form.busy}>
      <ErrorSummary items={form.summary} />
      <TextInput
        id="name"
        label={t('invitation.name')}
        autoComplete="name"
        value={name}
        onValue={setName}
        errors={form.errors.name}
      />
      {/* The email is fixed by the invitation; password managers still want it beside the password. */}
      <input type="hidden" name="username" autoComplete="username" value={invitation.email} />
      <TextInput
        id="password"
        label={t('password.new')}
        hint={t('password.hint', { min: MIN_PASSWORD })}
        type="password"
        autoComplete="new-password"
        value={password}
        onValue={setPassword}
        errors={form.errors.password}
      />
      <TextInput
        id="confirm"
        label={t('password.confirm')}
        type="password"
        autoComplete="new-password"
        value={confirm}
        onValue={setConfirm}
        errors={form.errors.confirm}
      />
      <div className="actions">
        <SubmitButton busy={form.busy} label={t('invitation.accept')} busyLabel={t('invitation.accepting')} />
      </div>
    </form>
  );
}
