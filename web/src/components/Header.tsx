import { useApi } from '../api';
import { t, tKey } from '../i18n';
import { Link, navigate, paths, useLocation } from '../router';
import { useSession } from '../session';
import { SiteNav } from './SiteNav';

/** The product name, the stage when it is not production, who is signed in, and where to go. */
export function Header({ stage }: { stage: string }) {
  const api = useApi();
  const { user, session, signOut } = useSession();
  const { pathname, search } = useLocation();
  const here = `${pathname}${search}`;
  const leave = async () => {
    // Revoke the refresh token first; the tab forgets the session whatever the API answers.
    if (session?.refreshToken) await api.signOut(session.refreshToken).catch(() => undefined);
    signOut();
    navigate(paths.home());
  };
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
                <span className="who-role">
                  {t('nav.roleAt', { role: tKey('role', user.role), organisation: user.organisationName })}
                </span>
              </p>
              <Link to={paths.account()} className="button-secondary">
                {t('nav.account')}
              </Link>
              <button type="button" className="button-secondary" onClick={() => void leave()}>
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
      <div className="site-nav-bar">
        <SiteNav user={user} />
      </div>
    </header>
  );
}
