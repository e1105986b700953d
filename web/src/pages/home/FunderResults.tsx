import { useApi, type User } from '../../api';
import { ErrorNotice, Loading } from '../../components';
import { useCategories, useResource } from '../../hooks';
import { t } from '../../i18n';
import { Link, paths } from '../../router';
import { KeyFigures } from '../results/KeyFigures';
import { formatPeriod, percent } from '../results/figures';

/** A funder's home: what its money levers, and which associations its programmes brought off subsidy. */
export function FunderResults({ user }: { user: User }) {
  const api = useApi();
  const { labelOf } = useCategories();
  const [results, reload] = useResource((signal) => api.indicators({}, signal), [api]);
  if (results.state === 'loading') return <Loading />;
  if (results.state === 'error') return <ErrorNotice error={results.error} onRetry={reload} />;
  const data = results.data;
  const steps = data.graduation.steps.filter((s) => s.funderIds.includes(user.organisationId));
  return (
    <section aria-labelledby="funder-results-heading" data-testid="funder-results">
      <h2 id="funder-results-heading">{t('results.funderHeading')}</h2>
      <p className="hint">{t('results.funderLeverage', { period: formatPeriod(data.from, data.to) })}</p>
      <KeyFigures indicators={data} definitionsAt={paths.results()} rows={['leverage', 'costRecovery', 'scale']} />
      <h3>{t('results.graduationHeading')}</h3>
      {steps.length === 0 ? (
        <p className="empty">{t('results.graduationEmpty')}</p>
      ) : (
        <ul className="bullets">
          {steps.map((s) => (
            <li key={`${s.associationId}-${s.category}`}>
              {t('results.graduationStep', {
                association: s.associationName,
                category: labelOf(s.category),
                award: s.award,
                share: percent(s.share),
              })}
              {s.graduated && (
                <>
                  {' '}
                  · <strong>{t('results.graduated')}</strong>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={paths.results()}>{t('nav.results')}</Link>
      </p>
    </section>
  );
}
