import { useTitle } from '../hooks';
import { t } from '../i18n';
import { Link, paths } from '../router';

/** Any path the router does not know. */
export function NotFoundPage() {
  useTitle(t('notFound.title'));
  return (
    <div className="page narrow">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to={paths.home()}>{t('notFound.home')}</Link>
      </p>
    </div>
  );
}
