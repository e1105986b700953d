import { useApi, type FirmProfile } from '../../api';
import { EmptyState, ErrorNotice, Loading, LoadMore } from '../../components';
import { formatCount } from '../../format';
import { usePaged } from '../../hooks';
import { t, tKey } from '../../i18n';

/** The flags the register derives or records, in words: size class, mechanised, women-led, under-served. */
function flags(f: FirmProfile): string[] {
  return [
    tKey('size', f.sizeClass),
    t(f.mechanised ? 'firms.mechanised' : 'firms.notMechanised'),
    ...(f.womenLed ? [t('firms.womenLed')] : []),
    ...(f.underServed ? [t('firms.underServed')] : []),
  ];
}

/** The association's member firms, in registration order, a page at a time. */
export function FirmList({
  clusterId,
  associationId,
  round,
}: {
  clusterId: string;
  associationId: string;
  round: number;
}) {
  const api = useApi();
  const list = usePaged(
    (cursor, signal) => api.listFirms(clusterId, associationId, cursor, signal),
    [api, clusterId, associationId, round],
  );
  if (list.loading) return <Loading />;
  if (list.error !== undefined && list.items.length === 0)
    return <ErrorNotice error={list.error} onRetry={list.reload} />;
  if (list.items.length === 0) return <EmptyState>{t('firms.empty')}</EmptyState>;
  return (
    <>
      <ol className="firm-list">
        {list.items.map((f) => (
          <li key={f.id}>
            <strong>{f.name}</strong>
            <span className="hint">
              {t('firms.employees', { count: formatCount(f.employees) })}
              {f.sectorDetail ? `${t('common.separator')}${f.sectorDetail}` : ''}
            </span>
            <span className="firm-flags">{flags(f).join(t('common.separator'))}</span>
          </li>
        ))}
      </ol>
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onClick={list.loadMore} />
    </>
  );
}
