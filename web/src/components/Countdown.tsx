import { formatDateTime, formatRelative } from '../format';
import { useNow } from '../hooks';
import { t } from '../i18n';

/**
 * A deadline as a date and time, with how long is left ("closes in 3 days"); it ticks.
 *
 * @example
 * <Countdown deadline={request.biddingDeadline} />
 */
export function Countdown({ deadline }: { deadline: string }) {
  const now = useNow();
  const relative = formatRelative(deadline, now);
  const past = Date.parse(deadline) <= now;
  return (
    <span className="countdown">
      <time dateTime={deadline}>{formatDateTime(deadline)}</time>
      <span className={past ? 'countdown-rel countdown-past' : 'countdown-rel'}>
        {t(past ? 'requests.closed' : 'requests.closesIn', { relative })}
      </span>
    </span>
  );
}
