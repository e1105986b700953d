import type { ServiceRequest } from '../../api';
import { formatAmount, formatCount } from '../../format';
import { t } from '../../i18n';
import { Link, paths } from '../../router';
import { useSession } from '../../session';

/**
 * Where a request stands in a split award (issue 13): a contract names its split request; on the
 * split request, a provider with a contract is pointed to it (the sponsors and admins read every
 * contract in the ranking panel).
 */
export function SplitNotice({ request: r }: { request: ServiceRequest }) {
  const { user } = useSession();
  if (r.contractOf) {
    return (
      <p className="notice">
        {t('split.contractOf', { n: String(r.contractOf.index + 1), count: String(r.contractOf.count) })}{' '}
        <Link to={paths.request(r.clusterId, r.contractOf.requestId)}>{t('split.parentLink')}</Link>
      </p>
    );
  }
  const own = r.splitAward?.contracts.find((c) => user?.role === 'provider' && c.providerId === user.organisationId);
  if (!own) return null;
  return (
    <div className="notice notice-ok">
      <p className="notice-title">
        {t('split.yours', { firms: formatCount(own.volume), total: formatAmount(own.total) })}
      </p>
      <p>
        <Link to={paths.request(r.clusterId, own.requestId)}>{t('split.openContract')}</Link>
      </p>
    </div>
  );
}
