import { useState } from 'react';
import { useApi, type ServiceRequest } from '../../api';
import { ErrorNotice } from '../../components';
import { t } from '../../i18n';
import { useSession } from '../../session';

/**
 * A draft's next step. The lead association opens it for bidding (the API then queues the
 * event that notifies providers); anyone else is told it is not open yet.
 */
export function Publish({
  request,
  onPublished,
}: {
  request: ServiceRequest;
  onPublished(request: ServiceRequest): void;
}) {
  const api = useApi();
  const { user } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  if (request.status !== 'draft') return null;
  const lead = user?.role === 'association_rep' && user.organisationId === request.associationId;
  if (!lead) return <p className="notice">{t('request.draftOther')}</p>;

  const open = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onPublished(await api.publishRequest(request.clusterId, request.id));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <section className="notice draft" aria-labelledby="draft-heading">
      <h2 id="draft-heading" className="notice-title">
        {t('request.draftHeading')}
      </h2>
      <p>{t('request.draftBody')}</p>
      {error !== undefined && <ErrorNotice error={error} />}
      <button type="button" className="button" onClick={open} disabled={busy} aria-busy={busy}>
        {busy ? t('request.publishing') : t('request.publish')}
      </button>
    </section>
  );
}
