import { useState, type FormEvent } from 'react';
import { useApi, type ProviderSignUp } from '../../api';
import { ErrorNotice, ErrorSummary, Loading, SubmitButton, SuccessNotice, TextInput } from '../../components';
import { required, useCategories, useForm, useOutboxAvailable, useTitle, type Placed } from '../../hooks';
import { t } from '../../i18n';
import { Link, paths } from '../../router';
import { MIN_PASSWORD, checkPassword } from '../invitation/AcceptForm';
import { Categories } from './Categories';

type Fields = Omit<ProviderSignUp, 'categories' | 'capacity'> & { capacity: string };
const FIELDS = ['name', 'city', 'categories', 'capacity', 'contactName', 'email', 'password'] as const;
const EMPTY: Fields = { name: '', city: '', capacity: '1', contactName: '', email: '', password: '' };

function check(f: Fields, categories: string[]): Placed {
  const placed: Placed = {};
  for (const id of ['name', 'city', 'contactName', 'email'] as const) required(placed, id, f[id], t(`signUp.${id}`));
  if (f.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.email.trim())) (placed.email ??= []).push(t('form.email'));
  if (categories.length === 0) placed.categories = [t('signUp.categoriesRequired')];
  if (!/^\d+$/.test(f.capacity.trim()) || Number(f.capacity) < 1) placed.capacity = [t('form.wholeNumber')];
  checkPassword(placed, f.password, undefined);
  return placed;
}

/** Where the link went: the same words whether or not the address already had an account. */
function CheckYourMail({ email }: { email: string }) {
  const hasOutbox = useOutboxAvailable();
  return (
    <SuccessNotice title={t('signUp.checkMail')}>
      <p>{t('signUp.checkMailDetail', { email })}</p>
      {hasOutbox && (
        <p>
          <Link to={paths.outbox(email.toLowerCase())}>{t('signUp.readOutbox')}</Link>
        </p>
      )}
    </SuccessNotice>
  );
}

/**
 * A provider signs itself up (national: it then applies to each cluster it wants to serve). The
 * mailed link finishes it (ConfirmSignUpPage), so this page never says whether an email is taken.
 */
export function ProviderSignUpPage() {
  const api = useApi();
  const { categories, error } = useCategories();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [chosen, setChosen] = useState<string[]>([]);
  const [sentTo, setSentTo] = useState<string | undefined>(undefined);
  const form = useForm(FIELDS);
  useTitle(t('signUp.title'));
  const set = (key: keyof Fields) => (value: string) => setFields((f) => ({ ...f, [key]: value }));
  const text = (id: keyof Fields, type = 'text', autoComplete?: string, hint?: string) => (
    <TextInput
      id={id}
      label={t(`signUp.${id}`)}
      type={type}
      autoComplete={autoComplete}
      hint={hint}
      value={fields[id]}
      onValue={set(id)}
      errors={form.errors[id]}
    />
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(
      () => check(fields, chosen),
      async () => {
        const body: ProviderSignUp = {
          ...fields,
          name: fields.name.trim(),
          city: fields.city.trim(),
          contactName: fields.contactName.trim(),
          email: fields.email.trim(),
          capacity: Number(fields.capacity),
          categories: chosen,
        };
        await api.signUpProvider(body);
        setSentTo(body.email);
      },
    );
  };

  return (
    <div className="page narrow">
      <h1>{t('signUp.title')}</h1>
      <p>{t('signUp.intro')}</p>
      <p>
        {t('signUp.haveAccount')} <Link to={paths.signIn()}>{t('nav.signIn')}</Link>
      </p>
      {error !== undefined && <ErrorNotice error={error} />}
      {!categories && error === undefined && <Loading />}
      {sentTo !== undefined && <CheckYourMail email={sentTo} />}
      {categories && sentTo === undefined && (
        <form className="form" onSubmit={submit} noValidate aria-busy={form.busy}>
          <ErrorSummary items={form.summary} />
          <h2>{t('signUp.organisation')}</h2>
          {text('name', 'text', 'organization')}
          {text('city', 'text', 'address-level2')}
          <Categories categories={categories} chosen={chosen} errors={form.errors.categories} onChange={setChosen} />
          {text('capacity', 'number', undefined, t('signUp.capacityHint'))}
          <h2>{t('signUp.contact')}</h2>
          {text('contactName', 'text', 'name')}
          {text('email', 'email', 'email')}
          {text('password', 'password', 'new-password', t('password.hint', { min: MIN_PASSWORD }))}
          <div className="actions">
            <SubmitButton busy={form.busy} label={t('signUp.submit')} busyLabel={t('signUp.submitting')} />
          </div>
        </form>
      )}
    </div>
  );
}
