import { useEffect, useRef, type ReactNode } from 'react';
import { t } from '../i18n';
import { useLocation } from '../router';
import { Header } from './Header';

/**
 * Landmarks and the skip link around every page. After a navigation, focus moves to the
 * new page's heading, as a full page load would put a screen reader at the top.
 */
export function Layout({ stage, children }: { stage: string; children: ReactNode }) {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = main.current?.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    } else main.current?.focus();
  }, [pathname]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <Header stage={stage} />
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
