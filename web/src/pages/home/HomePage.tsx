import { useTitle } from '../../hooks';
import { t } from '../../i18n';
import { useSession } from '../../session';
import { Attention } from './Attention';
import { Clusters } from './Clusters';
import { DemoAccounts } from './DemoAccounts';
import { FunderResults } from './FunderResults';
import { FunderPayouts } from '../payouts/FunderPayouts';
import { RoleTasks } from './RoleTasks';
import { OpenComplaints } from './OpenComplaints';

/** Signed out: what the exchange is, its clusters, the demo accounts. Signed in: what needs attention. */
export function HomePage() {
  const { user } = useSession();
  useTitle(undefined);
  return (
    <div className="page home">
      {user ? (
        <>
          <h1>{t('home.welcome', { name: user.name })}</h1>
          <RoleTasks user={user} />
          <OpenComplaints user={user} />
          <Attention user={user} />
          {user.role === 'funder' && (
            <>
              <FunderPayouts />
              <FunderResults user={user} />
            </>
          )}
          <Clusters />
        </>
      ) : (
        <>
          <h1>{t('app.tagline')}</h1>
          <section className="intro" aria-labelledby="intro-heading">
            <h2 id="intro-heading">{t('home.introHeading')}</h2>
            <p>{t('home.intro')}</p>
          </section>
          <div className="home-grid">
            <Clusters />
            <DemoAccounts />
          </div>
        </>
      )}
    </div>
  );
}
