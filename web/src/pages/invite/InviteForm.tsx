import { useState, type FormEvent } from 'react';
import { useApi, type InvitationSummary, type User } from '../../api';
import {
  ErrorNotice,
  ErrorSummary,
  Loading,
  SelectInput,
  StateSelect,
  SubmitButton,
  TextInput,
} from '../../components';
import { useForm, useResource } from '../../hooks';
import { t, tKey } from '../../i18n';
import { INVITABLE } from '@bds/core/who-invites';
import { INVITE_FIELDS, checkInvite, clustersFor, toInvitation, type InviteFields } from './options';

interface Props {
  user: User;
  initial: Partial<InviteFields>;
  onSent(summary: InvitationSummary): void;
}

/** The associations of the chosen cluster, for inviting a representative of one. */
function AssociationSelect({
  clusterId,
  value,
  onValue,
  errors,
}: {
  clusterId: string;
  value: string;
  onValue(v: string): void;
  errors: string[] | undefined;
}) {
  const api = useApi();
  const [list, reload] = useResource((signal) => api.listAssociations(clusterId, undefined, signal), [api, clusterId]);
  if (list.state === 'loading') return <Loading label={t('invite.loadingAssociations')} />;
  if (list.state === 'error') return <ErrorNotice error={list.error} onRetry={reload} />;
  if (list.data.items.length === 0) return <p className="notice">{t('invite.noAssociations')}</p>;
  const options = list.data.items.map((a) => ({
    value: a.id,
    label: t('invite.associationOption', { short: a.shortName, name: a.name }),
  }));
  return (
    <SelectInput
      id="associationId"
      label={t('invite.associationId')}
      value={value}
      onValue={onValue}
      options={options}
      placeholder={t('invite.choose')}
      errors={errors}
    />
  );
}

/** Whom to invite, as what, and for which cluster, association, state or funding body. */
export function InviteForm({ user, initial, onSent }: Props) {
  const api = useApi();
  const roles = INVITABLE[user.role];
  const [fields, setFields] = useState<InviteFields>(() => ({
    name: '',
    email: '',
    state: '',
    associationId: '',
    organisationName: '',
    // A cluster admin has one cluster: it is the only one to choose.
    clusterId: user.role === 'cluster_admin' ? (user.clusterIds[0] ?? '') : '',
    ...initial,
    role: initial.role && roles.includes(initial.role as never) ? initial.role : (roles[0] ?? ''),
  }));
  const [clusters] = useResource((signal) => clustersFor(api, user, signal), [api, user]);
  const form = useForm(INVITE_FIELDS);
  const set = (id: keyof InviteFields) => (value: string) =>
    setFields((f) => ({ ...f, [id]: value, ...(id === 'clusterId' ? { associationId: '' } : {}) }));
  const needsCluster = fields.role === 'cluster_admin' || fields.role === 'association_rep';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(
      () => checkInvite(fields),
      async () => onSent(await api.invite(toInvitation(fields))),
    );
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-busy={form.busy}>
      <ErrorSummary items={form.summary} />
      <SelectInput
        id="role"
        label={t('invite.role')}
        value={fields.role}
        onValue={set('role')}
        options={roles.map((r) => ({ value: r, label: tKey('role', r) }))}
        errors={form.errors.role}
      />
      {needsCluster && clusters.state === 'error' && <ErrorNotice error={clusters.error} />}
      {needsCluster && (
        <SelectInput
          id="clusterId"
          label={t('invite.clusterId')}
          value={fields.clusterId}
          onValue={set('clusterId')}
          placeholder={t('invite.choose')}
          errors={form.errors.clusterId}
          options={(clusters.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          disabled={clusters.state !== 'ok'}
        />
      )}
      {fields.role === 'association_rep' && fields.clusterId && (
        <AssociationSelect
          clusterId={fields.clusterId}
          value={fields.associationId}
          onValue={set('associationId')}
          errors={form.errors.associationId}
        />
      )}
      {fields.role === 'state_admin' && (
        <StateSelect
          id="state"
          label={t('invite.state')}
          value={fields.state}
          onValue={set('state')}
          errors={form.errors.state}
        />
      )}
      {fields.role === 'funder' && (
        <TextInput
          id="organisationName"
          label={t('invite.organisationName')}
          hint={t('invite.organisationHint')}
          value={fields.organisationName}
          onValue={set('organisationName')}
          errors={form.errors.organisationName}
        />
      )}
      <TextInput
        id="name"
        label={t('invite.name')}
        autoComplete="off"
        value={fields.name}
        onValue={set('name')}
        errors={form.errors.name}
      />
      <TextInput
        id="email"
        label={t('invite.email')}
        type="email"
        autoComplete="off"
        value={fields.email}
        onValue={set('email')}
        errors={form.errors.email}
      />
      <div className="actions">
        <SubmitButton busy={form.busy} label={t('invite.submit')} busyLabel={t('invite.submitting')} />
      </div>
    </form>
  );
}
