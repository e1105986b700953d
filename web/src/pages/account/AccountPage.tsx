import { useApi } from '../../api';
import { useRequireUser, useResource, useTitle } from '../../hooks';
import { t } from '../../i18n';
import { paths } from '../../router';
import { ChangePassword } from './ChangePassword';
import { Sessions } from './Sessions';

/** The signed-in person's own account: their password and their sessions. */
export function AccountPage() {
  const api = useApi();
  const user = useRequireUser(paths.account());
  const signedIn = user !== undefined;
  // Signed out the page is on its way to sign-in: ask nothing the API would refuse.
  const [sessions, reload] = useResource(
    (signal) => (signedIn ? api.listMySessions(signal) : Promise.resolve({ items: [] })),
    [api, signedIn],
  );
  useTitle(t('account.title'));
  if (!user) return null;
  return (
    <div className="page narrow">
      <h1>{t('account.title')}</h1>
      <p>{t('account.intro', { email: user.email })}</p>
      <ChangePassword onChanged={reload} />
      <Sessions sessions={sessions} reload={reload} />
    </div>
  );
}
