import type { User } from '../api';
import { t, type MessageKey } from '../i18n';
import { Link, paths, useLocation } from '../router';
import { isAdminOf, isNationalOrState, isRepOf } from '../session';

interface Tab {
  key: MessageKey;
  to: string;
}

/** The cluster's pages this user may open: reps their register, admins the cluster's administration. */
function tabsFor(user: User | undefined, clusterId: string): Tab[] {
  const tabs: Tab[] = [{ key: 'clusterNav.requests', to: paths.cluster(clusterId) }];
  if (isRepOf(user, clusterId)) tabs.push({ key: 'clusterNav.firms', to: paths.firms(clusterId) });
  if (isAdminOf(user, clusterId)) {
    tabs.push(
      { key: 'clusterNav.associations', to: paths.associations(clusterId) },
      { key: 'clusterNav.providers', to: paths.registrations(clusterId) },
      { key: 'clusterNav.policy', to: paths.policy(clusterId) },
      { key: 'clusterNav.audit', to: paths.audit(clusterId) },
    );
  }
  if (isNationalOrState(user)) tabs.push({ key: 'clusterNav.manage', to: paths.clusterManage(clusterId) });
  return tabs;
}

/**
 * The tabs of a cluster's pages; the current one is marked for assistive technology too.
 * Nothing is shown when the user has only the one page.
 */
export function ClusterNav({ user, clusterId, name }: { user: User | undefined; clusterId: string; name: string }) {
  const { pathname } = useLocation();
  const tabs = tabsFor(user, clusterId);
  if (tabs.length < 2) return null;
  return (
    <nav className="tabs" aria-label={t('clusterNav.label', { cluster: name })}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link to={tab.to} aria-current={pathname === tab.to ? 'page' : undefined}>
              {t(tab.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
