import { useRequireUser, useTitle } from '../../hooks';
import { t } from '../../i18n';
import { paths } from '../../router';
import { AdminPayouts } from './AdminPayouts';
import { FunderPayouts } from './FunderPayouts';
import { ProviderPayouts } from './ProviderPayouts';

/** Payouts: a provider sees what it is owed and paid, a funder what its programmes paid, the national admin batches. */
export function PayoutsPage() {
  const user = useRequireUser(paths.payouts());
  useTitle(t('payouts.title'));
  if (!user) return null;
  return (
    <div className="page">
      <h1>{t('payouts.title')}</h1>
      {user.role === 'provider' ? (
        <ProviderPayouts user={user} />
      ) : user.role === 'funder' ? (
        <FunderPayouts />
      ) : user.role === 'national_admin' ? (
        <AdminPayouts user={user} />
      ) : (
        <p className="notice">{t('payouts.notForRole')}</p>
      )}
    </div>
  );
}
