import { useState, type FormEvent } from 'react';
import { useApi, type Onboarded } from '../../api';
import { ErrorSummary, SelectInput, StateSelect, SubmitButton, SuccessNotice, TextInput } from '../../components';
import { formatDateTime } from '../../format';
import { useForm, useOutboxAvailable, useRequireUser, useTitle } from '../../hooks';
import { t, tKey } from '../../i18n';
import { Link, paths } from '../../router';
import { isNationalOrState } from '../../session';
import { CLUSTER_FIELDS, checkCluster, emptyCluster, toNewCluster, type ClusterFields } from './form';

const PHASES = ['diagnostic', 'pilot', 'self_management'];
const CURRENCIES = ['INR', 'USD', 'EUR'];

function Done({ onboarded, onAnother }: { onboarded: Onboarded; onAnother(): void }) {
  const hasOutbox = useOutboxAvailable();
  const { cluster, invitation } = onboarded;
  return (
    <SuccessNotice title={t('onboard.done', { cluster: cluster.name })}>
      <p>{t('onboard.invited', { email: invitation.email, until: formatDateTime(invitation.expiresAt) })}</p>
      <ul className="quick-actions">
        <li>
          <Link to={paths.cluster(cluster.id)}>{t('onboard.open', { cluster: cluster.name })}</Link>
        </li>
        {hasOutbox && (
          <li>
            <Link to={paths.outbox(invitation.email)}>{t('onboard.outbox')}</Link>
          </li>
        )}
        <li>
          <button type="button" className="button-secondary" onClick={onAnother}>
            {t('onboard.another')}
          </button>
        </li>
      </ul>
    </SuccessNotice>
  );
}

/** A national (or state) admin onboards a cluster and invites its first admin, in one step. */
export function OnboardClusterPage() {
  const api = useApi();
  const user = useRequireUser(paths.onboardCluster());
  const [fields, setFields] = useState<ClusterFields>(emptyCluster);
  const [onboarded, setOnboarded] = useState<Onboarded | undefined>(undefined);
  const form = useForm(CLUSTER_FIELDS);
  useTitle(t('onboard.title'));
  if (!user) return null;
  const set = (id: keyof ClusterFields) => (value: string) => setFields((f) => ({ ...f, [id]: value }));
  const text = (id: keyof ClusterFields, type = 'text', hint?: string) => (
    <TextInput
      id={id}
      label={t(`onboard.${id}`)}
      type={type}
      hint={hint}
      value={fields[id]}
      onValue={set(id)}
      errors={form.errors[id]}
    />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(
      () => checkCluster(fields),
      async () => setOnboarded(await api.onboardCluster(toNewCluster(fields))),
    );
  };
  const another = () => {
    setOnboarded(undefined);
    setFields(emptyCluster());
  };
  return (
    <div className="page narrow">
      <h1>{t('onboard.title')}</h1>
      {!isNationalOrState(user) ? (
        <p className="notice">{t('onboard.notAllowed')}</p>
      ) : onboarded ? (
        <Done onboarded={onboarded} onAnother={another} />
      ) : (
        <>
          <p>{t('onboard.intro')}</p>
          <form className="form" onSubmit={submit} noValidate aria-busy={form.busy}>
            <ErrorSummary items={form.summary} />
            <h2>{t('onboard.clusterHeading')}</h2>
            {text('name')}
            {text('sector')}
            <div className="row">
              <StateSelect
                id="state"
                label={t('onboard.state')}
                hint={user.role === 'state_admin' ? t('onboard.stateHint') : undefined}
                value={fields.state}
                onValue={set('state')}
                errors={form.errors.state}
              />
              {text('district')}
            </div>
            <div className="row">
              {text('firmCount', 'number')}
              <SelectInput
                id="phase"
                label={t('onboard.phase')}
                value={fields.phase}
                onValue={set('phase')}
                errors={form.errors.phase}
                options={PHASES.map((p) => ({ value: p, label: tKey('phase', p) }))}
              />
            </div>
            <div className="row">
              {text('supportedUntil', 'date', t('onboard.supportedUntilHint'))}
              <SelectInput
                id="currency"
                label={t('onboard.currency')}
                value={fields.currency}
                onValue={set('currency')}
                errors={form.errors.currency}
                options={CURRENCIES.map((c) => ({ value: c, label: c }))}
              />
            </div>
            <h2>{t('onboard.adminHeading')}</h2>
            <p className="hint">{t('onboard.adminHint')}</p>
            {text('admin-name')}
            {text('admin-email', 'email')}
            <div className="actions">
              <SubmitButton busy={form.busy} label={t('onboard.submit')} busyLabel={t('onboard.submitting')} />
            </div>
          </form>
        </>
      )}
    </div>
  );
}
