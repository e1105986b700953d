import { ApiProvider } from './api';
import { Layout, SessionSync } from './components';
import type { RuntimeConfig } from './config';
import { ClusterPage } from './pages/cluster/ClusterPage';
import { HomePage } from './pages/home/HomePage';
import { InvitationPage } from './pages/invitation/InvitationPage';
import { NewRequestPage } from './pages/new-request/NewRequestPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OutboxPage } from './pages/outbox/OutboxPage';
import { ProviderClustersPage } from './pages/provider-clusters/ProviderClustersPage';
import { ProviderSignUpPage } from './pages/provider-sign-up/ProviderSignUpPage';
import { RequestPage } from './pages/request/RequestPage';
import { SignInPage } from './pages/sign-in/SignInPage';
import { matchRoute, useLocation, type Route } from './router';
import { SessionProvider } from './session';

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'signIn':
      return <SignInPage next={route.next} />;
    case 'outbox':
      return <OutboxPage email={route.email} />;
    case 'invitation':
      return <InvitationPage token={route.token} />;
    case 'providerSignUp':
      return <ProviderSignUpPage />;
    case 'providerClusters':
      return <ProviderClustersPage />;
    case 'cluster':
      return <ClusterPage clusterId={route.clusterId} />;
    case 'newRequest':
      return <NewRequestPage clusterId={route.clusterId} />;
    case 'request':
      return <RequestPage clusterId={route.clusterId} requestId={route.requestId} />;
    default:
      return <NotFoundPage />;
  }
}

/** The portal: session, API client, layout, and the page for the current path. */
export function App({ config }: { config: RuntimeConfig }) {
  const { pathname, search } = useLocation();
  const route = matchRoute(pathname, search);
  // Keyed by path so a page's state never leaks into the next one of the same kind.
  return (
    <SessionProvider>
      <ApiProvider config={config}>
        <SessionSync />
        <Layout stage={config.stage}>
          <Page key={pathname} route={route} />
        </Layout>
      </ApiProvider>
    </SessionProvider>
  );
}
