import { t } from '../../i18n';
import { ChartTable, Legend } from './ChartTable';
import { monthLabel, percent, type Monthly } from './figures';

const W = 320;
const H = 170;
const PAD = { left: 34, right: 8, top: 10, bottom: 24 };
const SERIES = [
  { key: 'costRecovery', label: () => t('results.costRecovery') },
  { key: 'subsidyShare', label: () => t('results.subsidyShare') },
] as const;

type Point = Monthly['months'][number];

/** A line through the months that have a figure; a month without deliveries breaks the line. */
type Key = (typeof SERIES)[number]['key'];

function pathOf(points: Point[], key: Key, x: (i: number) => number, y: (v: number) => number) {
  let d = '';
  let pen = false;
  points.forEach((p, i) => {
    const v = p[key];
    if (v === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
    pen = true;
  });
  return d.trim();
}

/** Cost recovery and the average subsidy share month by month: the taper the paper wants to see. */
export function TrendChart({ monthly }: { monthly: Monthly }) {
  const points = monthly.months;
  const known = points.filter((p) => p.costRecovery !== null);
  const first = known[0];
  const last = known[known.length - 1];
  const along = (i: number) => (points.length > 1 ? i / (points.length - 1) : 0.5);
  const x = (i: number) => PAD.left + (W - PAD.left - PAD.right) * along(i);
  const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v);
  const alt =
    first && last
      ? t('results.trendAlt', {
          first: monthLabel(first.month),
          last: monthLabel(last.month),
          fromRecovery: percent(first.costRecovery),
          toRecovery: percent(last.costRecovery),
          fromSubsidy: percent(first.subsidyShare),
          toSubsidy: percent(last.subsidyShare),
        })
      : '';
  return (
    <section aria-labelledby="trend-heading" className="chart">
      <h2 id="trend-heading">{t('results.trendHeading')}</h2>
      <p className="hint">{t('results.trendCaption')}</p>
      {!first || !last ? (
        <p className="empty">{t('results.trendEmpty')}</p>
      ) : (
        <>
          <Legend items={SERIES.map((s) => ({ key: s.key, label: s.label() }))} />
          <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={alt} className="trend" width="100%">
            {[0, 0.5, 1].map((v) => (
              <g key={v}>
                <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="grid" />
                <text x={PAD.left - 4} y={y(v) + 4} className="tick" textAnchor="end">
                  {percent(v)}
                </text>
              </g>
            ))}
            {SERIES.map((s) => (
              <path key={s.key} d={pathOf(points, s.key, x, y)} className={`line line-${s.key}`} />
            ))}
            {SERIES.map((s) =>
              points.map((p, i) => {
                const v = p[s.key];
                if (v === null) return null;
                return <circle key={`${s.key}-${p.month}`} cx={x(i)} cy={y(v)} r={3} className={`dot-${s.key}`} />;
              }),
            )}
            <text x={PAD.left} y={H - 6} className="tick">
              {monthLabel(points[0]?.month ?? first.month)}
            </text>
            <text x={W - PAD.right} y={H - 6} className="tick" textAnchor="end">
              {monthLabel(points[points.length - 1]?.month ?? last.month)}
            </text>
          </svg>
          <ChartTable
            caption={t('results.trendCaption')}
            head={[t('results.month'), t('results.costRecovery'), t('results.subsidyShare')]}
            rows={points.map((p) => ({
              key: p.month,
              cells: [monthLabel(p.month), percent(p.costRecovery), percent(p.subsidyShare)],
            }))}
          />
        </>
      )}
    </section>
  );
}
