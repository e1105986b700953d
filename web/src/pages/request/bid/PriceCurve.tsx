import type { PriceTier } from '../../../api';
import { formatCount, formatMoney } from '../../../format';
import { t } from '../../../i18n';

const W = 320;
const H = 160;
const PAD = { left: 8, right: 8, top: 22, bottom: 22 };

interface Props {
  tiers: readonly PriceTier[];
  /** The largest number of firms the request allows: the end of the x axis. */
  maxFirms: number;
  /** Firms pledged so far, marked on the curve. */
  pledged?: number;
  id: string;
}

/**
 * A small step chart of price per firm against the number of firms. It is a picture of the
 * tiers, which are also listed in words beside it, so it is described once and hidden from
 * the reading order otherwise.
 */
export function PriceCurve({ tiers, maxFirms, pledged, id }: Props) {
  const sorted = [...tiers].sort((a, b) => a.minFirms - b.minFirms);
  const first = sorted[0];
  if (!first) return <p className="hint">{t('bid.chartEmpty')}</p>;
  const currency = first.pricePerFirm.currency;
  const last = sorted[sorted.length - 1];
  const lastMin = last?.minFirms ?? first.minFirms;
  const xMax = Math.max(maxFirms, lastMin + 1);
  const yMax = Math.max(...sorted.map((s) => s.pricePerFirm.amount));
  const x = (firms: number) => PAD.left + ((W - PAD.left - PAD.right) * firms) / xMax;
  const y = (amount: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - amount / (yMax * 1.1));
  const steps = sorted.map((s, i) => {
    const end = sorted[i + 1]?.minFirms ?? xMax;
    return `M${x(s.minFirms).toFixed(1)},${y(s.pricePerFirm.amount).toFixed(1)} H${x(end).toFixed(1)}`;
  });
  const description = t('bid.chartDescription', {
    from: formatMoney(first.pricePerFirm.amount, currency),
    firms: formatCount(first.minFirms),
    to: formatMoney(last?.pricePerFirm.amount ?? first.pricePerFirm.amount, currency),
    last: formatCount(lastMin),
  });
  return (
    <figure className="price-curve">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-title`}
        width="100%"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-title`}>{description}</title>
        <line x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} className="axis" />
        {pledged !== undefined && pledged > 0 && (
          <line
            x1={x(Math.min(pledged, xMax))}
            x2={x(Math.min(pledged, xMax))}
            y1={PAD.top}
            y2={H - PAD.bottom}
            className="marker"
          />
        )}
        {steps.map((d, i) => (
          <path key={i} d={d} className="step" />
        ))}
        {sorted.map((s) => (
          <circle key={s.minFirms} cx={x(s.minFirms)} cy={y(s.pricePerFirm.amount)} r={3.5} className="dot" />
        ))}
        {/* The first and last prices, so the picture reads without the list beside it. */}
        <text x={x(first.minFirms)} y={y(first.pricePerFirm.amount) - 7} className="tick">
          {formatMoney(first.pricePerFirm.amount, currency)}
        </text>
        {last !== first && last && (
          <text x={W - PAD.right} y={y(last.pricePerFirm.amount) - 7} className="tick" textAnchor="end">
            {formatMoney(last.pricePerFirm.amount, currency)}
          </text>
        )}
        <text x={PAD.left} y={H - 6} className="tick">
          0
        </text>
        <text x={W - PAD.right} y={H - 6} className="tick" textAnchor="end">
          {formatCount(xMax)}
        </text>
      </svg>
      <figcaption className="hint">
        {pledged !== undefined
          ? t('bid.chartCaptionPledged', { pledged: formatCount(pledged) })
          : t('bid.chartCaption')}
      </figcaption>
    </figure>
  );
}
