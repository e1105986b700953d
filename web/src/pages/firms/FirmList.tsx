import type { FirmProfile } from '../../api';
import { EmptyState } from '../../components';
import { formatCount } from '../../format';
import { t, tKey, tn } from '../../i18n';
import { matchesName } from './register';

/** The flags the register derives or records, in words: size class, mechanised, women-led, under-served. */
function flags(f: FirmProfile): string[] {
  return [
    tKey('size', f.sizeClass),
    t(f.mechanised ? 'firms.mechanised' : 'firms.notMechanised'),
    ...(f.womenLed ? [t('firms.womenLed')] : []),
    ...(f.underServed ? [t('firms.underServed')] : []),
  ];
}

/** The association's member firms in registration order, those whose name holds `q` when it is given, and how many. */
export function FirmList({ firms, q }: { firms: readonly FirmProfile[]; q: string }) {
  if (firms.length === 0) return <EmptyState>{t('firms.empty')}</EmptyState>;
  const shown = q.trim() ? firms.filter((f) => matchesName(f.name, q)) : firms;
  return (
    <>
      <p className="firm-count" role="status">
        {q.trim()
          ? t('firms.countMatching', {
              shown: formatCount(shown.length),
              total: formatCount(firms.length),
              q: q.trim(),
            })
          : tn('firms.count', firms.length)}
      </p>
      {shown.length === 0 ? (
        <EmptyState>{t('firms.noneMatching', { q: q.trim() })}</EmptyState>
      ) : (
        <ol className="firm-list">
          {shown.map((f) => (
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
      )}
    </>
  );
}
