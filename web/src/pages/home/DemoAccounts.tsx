import { useApi } from '../../api';
import { useResource } from '../../hooks';
import { t, tKey } from '../../i18n';

/**
 * Demo sign-ins for every role. Only a demo stage answers `/api/demo-accounts` with 200;
 * anywhere else (404, an error, still loading) the panel is simply not there.
 */
export function DemoAccounts() {
  const api = useApi();
  const [accounts] = useResource((signal) => api.demoAccounts(signal), [api]);
  if (accounts.state !== 'ok' || accounts.data.items.length === 0) return null;
  return (
    <section className="panel demo" aria-labelledby="demo-heading">
      <h2 id="demo-heading">{t('home.demoHeading')}</h2>
      <p>{t('home.demoIntro')}</p>
      <ul className="demo-list">
        {accounts.data.items.map((a) => (
          <li key={a.email} className="demo-account" data-role={a.role}>
            <p className="demo-who">
              <strong>{tKey('role', a.role)}</strong>{' '}
              {t('home.demoWho', { name: a.name, organisation: a.organisationName })}
            </p>
            <dl className="demo-creds">
              <div>
                <dt>{t('home.demoEmail')}</dt>
                <dd className="demo-email">
                  <code>{a.email}</code>
                </dd>
              </div>
              <div>
                <dt>{t('home.demoPassword')}</dt>
                <dd className="demo-password">
                  <code>{a.password}</code>
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
