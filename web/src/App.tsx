import { lazy, Suspense } from 'react';
import { ApiProvider } from './api';
import { Layout, Loading, SessionSync } from './components';
import type { RuntimeConfig } from './config';
import { AccountPage } from './pages/account/AccountPage';
import { ForgotPasswordPage } from './pages/account/ForgotPasswordPage';
import { ResetPasswordPage } from './pages/account/ResetPasswordPage';
import { AttendPage } from './pages/attend/AttendPage';
import { AssociationsPage } from './pages/associations/AssociationsPage';
import { AuditPage } from './pages/audit/AuditPage';
import { ClusterPage } from './pages/cluster/ClusterPage';
import { FirmsPage } from './pages/firms/FirmsPage';
import { HomePage } from './pages/home/HomePage';
import { InvitationPage } from './pages/invitation/InvitationPage';
import { InvitePage } from './pages/invite/InvitePage';
import { ManageClusterPage } from './pages/manage/ManageClusterPage';
import { MyBidsPage } from './pages/my-bids/MyBidsPage';
import { NewRequestPage } from './pages/new-request/NewRequestPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OnboardClusterPage } from './pages/onboard/OnboardClusterPage';
import { OpenRequestsPage } from './pages/open-requests/OpenRequestsPage';
import { OutboxPage } from './pages/outbox/OutboxPage';
import { PolicyPage } from './pages/policy/PolicyPage';
import { ProviderClustersPage } from './pages/provider-clusters/ProviderClustersPage';
import { ProviderSignUpPage } from './pages/provider-sign-up/ProviderSignUpPage';
import { ConfirmSignUpPage } from './pages/provider-sign-up/ConfirmSignUpPage';
import { RegistrationsPage } from './pages/registrations/RegistrationsPage';
import { RequestPage } from './pages/request/RequestPage';
import { SignInPage } from './pages/sign-in/SignInPage';
import { InboxPage } from './pages/inbox/InboxPage';
import { DeliveriesPage } from './pages/deliveries/DeliveriesPage';
import { PayoutsPage } from './pages/payouts/PayoutsPage';
import { ProgrammesPage } from './pages/programmes/ProgrammesPage';
import { NewProgrammePage } from './pages/programmes/NewProgrammePage';
import { ProgrammePage } from './pages/programmes/ProgrammePage';
import { DeadLettersPage } from './pages/dead-letters/DeadLettersPage';
import { matchRoute, useLocation, type Route } from './router';
import { SessionProvider } from './session';

// The public Results page carries its charts: loaded only when someone opens it.
const ResultsPage = lazy(() => import('./pages/results/ResultsPage'));

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'signIn':
      return <SignInPage next={route.next} />;
    case 'outbox':
      return <OutboxPage email={route.email} />;
    case 'account':
      return <AccountPage />;
    case 'forgotPassword':
      return <ForgotPasswordPage />;
    case 'resetPassword':
      return <ResetPasswordPage />;
    case 'attend':
      return <AttendPage />;
    case 'invitation':
      return <InvitationPage token={route.token} />;
    case 'providerSignUp':
      return <ProviderSignUpPage />;
    case 'providerSignUpConfirm':
      return <ConfirmSignUpPage />;
    case 'providerClusters':
      return <ProviderClustersPage />;
    case 'openRequests':
      return <OpenRequestsPage category={route.category} />;
    case 'myBids':
      return <MyBidsPage />;
    case 'invite':
      return <InvitePage role={route.role} clusterId={route.clusterId} associationId={route.associationId} />;
    case 'onboardCluster':
      return <OnboardClusterPage />;
    case 'cluster':
      return <ClusterPage clusterId={route.clusterId} />;
    case 'clusterManage':
      return <ManageClusterPage clusterId={route.clusterId} />;
    case 'associations':
      return <AssociationsPage clusterId={route.clusterId} />;
    case 'registrations':
      return <RegistrationsPage clusterId={route.clusterId} />;
    case 'audit':
      return <AuditPage clusterId={route.clusterId} />;
    case 'firms':
      return <FirmsPage clusterId={route.clusterId} />;
    case 'policy':
      return <PolicyPage clusterId={route.clusterId} />;
    case 'newRequest':
      return <NewRequestPage clusterId={route.clusterId} />;
    case 'request':
      return <RequestPage clusterId={route.clusterId} requestId={route.requestId} />;
    case 'inbox':
      return <InboxPage />;
    case 'deliveries':
      return <DeliveriesPage />;
    case 'payouts':
      return <PayoutsPage />;
    case 'programmes':
      return <ProgrammesPage />;
    case 'newProgramme':
      return <NewProgrammePage />;
    case 'programme':
      return <ProgrammePage programmeId={route.programmeId} />;
    case 'deadLetters':
      return <DeadLettersPage queue={route.queue} />;
    case 'results':
      return (
        <Suspense fallback={<Loading />}>
          <ResultsPage state={route.state} from={route.from} to={route.to} />
        </Suspense>
      );
    case 'notFound':
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
