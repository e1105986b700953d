import { formatIst } from '@bds/core/ist';
import { useApi, type ServiceRequest } from '../../api';
import { ConfirmAction } from '../../components';
import { formatCount } from '../../format';
import { useCategories } from '../../hooks';
import { t } from '../../i18n';
import { useSession } from '../../session';

/**
 * A draft's next step. The lead association opens it for bidding (the API then queues the
 * event that notifies providers), after reading what that sets going; anyone else is told it is
 * not open yet.
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
  const { labelOf } = useCategories();
  if (request.status !== 'draft') return null;
  const lead = user?.role === 'association_rep' && user.organisationId === request.associationId;
  if (!lead) return <p className="notice">{t('request.draftOther')}</p>;
  return (
    <section className="notice draft" aria-labelledby="draft-heading">
      <h2 id="draft-heading" className="notice-title">
        {t('request.draftHeading')}
      </h2>
      <p>{t('request.draftBody')}</p>
      <ConfirmAction
        id="publish"
        openLabel={t('request.publish')}
        openClassName="button"
        heading={t('request.publishHeading')}
        confirmText={() =>
          t('request.publishConfirm', {
            title: request.title,
            deadline: formatIst(request.biddingDeadline),
            category: labelOf(request.category),
            min: formatCount(request.minFirms),
          })
        }
        yesLabel={t('request.publishYes')}
        busyLabel={t('request.publishing')}
        act={async () => onPublished(await api.publishRequest(request.clusterId, request.id))}
      />
    </section>
  );
}
