import { useState, type FormEvent } from 'react';
import { useApi, type Association, type NewAssociation } from '../../api';
import { ErrorSummary, SelectInput, SubmitButton, TextInput } from '../../components';
import { required, useForm, type Placed } from '../../hooks';
import { t, tKey } from '../../i18n';

const KINDS: NewAssociation['kind'][] = ['association', 'cooperative', 'consortium', 'network', 'self_help_group'];
const EMPTY = { name: '', shortName: '', kind: 'association', memberCount: '0' };
type Fields = typeof EMPTY;

function check(f: Fields): Placed {
  const placed: Placed = {};
  required(placed, 'name', f.name, t('associations.name'));
  required(placed, 'shortName', f.shortName, t('associations.shortName'));
  if (!/^\d+$/.test(f.memberCount.trim())) placed.memberCount = [t('form.wholeNumber')];
  return placed;
}

/** Registers an association of the cluster; its representative is invited next. */
export function NewAssociationForm({
  clusterId,
  onCreated,
}: {
  clusterId: string;
  onCreated(association: Association): void;
}) {
  const api = useApi();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const form = useForm(['name', 'shortName', 'kind', 'memberCount']);
  const set = (id: keyof Fields) => (value: string) => setFields((f) => ({ ...f, [id]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(
      () => check(fields),
      async () => {
        const body: NewAssociation = {
          name: fields.name.trim(),
          shortName: fields.shortName.trim(),
          kind: fields.kind as NewAssociation['kind'],
          memberCount: Number(fields.memberCount),
        };
        onCreated(await api.createAssociation(clusterId, body));
        setFields(EMPTY);
      },
    );
  };
  return (
    <form
      className="form panel"
      onSubmit={submit}
      noValidate
      aria-busy={form.busy}
      aria-labelledby="new-association-heading"
    >
      <h2 id="new-association-heading">{t('associations.newHeading')}</h2>
      <ErrorSummary items={form.summary} />
      <TextInput
        id="name"
        label={t('associations.name')}
        value={fields.name}
        onValue={set('name')}
        errors={form.errors.name}
      />
      <div className="row">
        <TextInput
          id="shortName"
          label={t('associations.shortName')}
          hint={t('associations.shortNameHint')}
          value={fields.shortName}
          onValue={set('shortName')}
          errors={form.errors.shortName}
        />
        <TextInput
          id="memberCount"
          label={t('associations.memberCount')}
          type="number"
          min={0}
          value={fields.memberCount}
          onValue={set('memberCount')}
          errors={form.errors.memberCount}
        />
      </div>
      <SelectInput
        id="kind"
        label={t('associations.kind')}
        value={fields.kind}
        onValue={set('kind')}
        errors={form.errors.kind}
        options={KINDS.map((k) => ({ value: k, label: tKey('associationKind', k) }))}
      />
      <div className="actions">
        <SubmitButton busy={form.busy} label={t('associations.create')} busyLabel={t('associations.creating')} />
      </div>
    </form>
  );
}
