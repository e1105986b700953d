import { useEffect, useRef } from 'react';
import { t } from '../i18n';

export interface SummaryItem {
  /** The id of the input to jump to; absent for an error about the whole form. */
  target?: string;
  message: string;
}

/**
 * The list of what is wrong, at the top of a form: it takes focus when it appears so a
 * keyboard or screen-reader user hears it, and each item links to its input.
 */
export function ErrorSummary({ items }: { items: readonly SummaryItem[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length > 0) ref.current?.focus();
  }, [items]);
  if (items.length === 0) return null;
  return (
    <div
      className="notice notice-error error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="error-summary-title"
    >
      <h2 className="notice-title" id="error-summary-title">
        {t('common.errorSummary')}
      </h2>
      <ul>
        {items.map((item, i) => (
          <li key={`${item.target ?? ''}-${i}`}>
            {item.target ? (
              <a
                href={`#${item.target}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(item.target ?? '')?.focus();
                }}
              >
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
