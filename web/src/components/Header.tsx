import { t, tKey } from '../i18n';
import { Link, navigate, paths, useLocation } from '../router';
import { useSession } from '../session';

/** The product name, the stage when it is not production, and who is signed in. */
export function Header({ stage }: { stage: string }) {
  const { user, signOut } = useSession();
  const { pathname, search } = useLocation();
  const here = `${pathname}${search}`;
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to={paths.home()} className="brand">
          <span className="brand-mark" aria-hidden="true">
            {t('app.mark')}
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </Link>
        {stage !== 'prod' && <span className="stage">{t('app.stage', { stage })}</span>}
        <nav aria-label={t('nav.label')} className="account">
          {user ? (
            <>
              <p className="who">
                <span className="who-name">{t('nav.signedInAs', { name: user.name })}</span>
                <span className="who-role">{t('nav.roleAt', { role: tKey('role', user.role), organisation: user.organisationName })}</span>
              </p>
              <button
                type="button"
                className="button-secondary"
                onClick={() => {
                  signOut();
                  navigate(paths.home());
                }}
              >
                {t('nav.signOut')}
              </button>
            </>
          ) : (
            pathname !== '/sign-in' && (
              <Link to={paths.signIn(here)} className="button">
                {t('nav.signIn')}
              </Link>
            )
          )}
        </nav>
      </div>
    </header>
  );
}
