import { useState } from 'react';
import { ClusterShell, SuccessNotice } from '../../components';
import { useRequireUser } from '../../hooks';
import { t, tn } from '../../i18n';
import { paths } from '../../router';
import { isRepOf } from '../../session';
import { AddFirmForm } from './AddFirmForm';
import { FirmList } from './FirmList';
import { ImportForm } from './ImportForm';

/** The association's member-firm register: the list, one firm by hand, or a whole register from CSV. */
export function FirmsPage({ clusterId }: { clusterId: string }) {
  const user = useRequireUser(paths.firms(clusterId));
  const [round, setRound] = useState(0);
  const [done, setDone] = useState<string | undefined>(undefined);
  if (!user) return null;
  const changed = (message: string) => {
    setDone(message);
    setRound((r) => r + 1);
  };
  return (
    <ClusterShell clusterId={clusterId} title={t('firms.title')}>
      {(cluster) =>
        !isRepOf(user, clusterId) ? (
          <p className="notice">{t('firms.repsOnly')}</p>
        ) : (
          <>
            <p>{t('firms.intro', { association: user.organisationName })}</p>
            {done && <SuccessNotice title={done} />}
            <section aria-labelledby="register-heading">
              <h2 id="register-heading">{t('firms.registerHeading')}</h2>
              <FirmList clusterId={clusterId} associationId={user.organisationId} round={round} />
            </section>
            {cluster.status === 'active' && (
              <div className="two-col">
                <AddFirmForm
                  clusterId={clusterId}
                  associationId={user.organisationId}
                  onAdded={(f) => changed(t('firms.added', { firm: f.name }))}
                />
                <ImportForm
                  clusterId={clusterId}
                  associationId={user.organisationId}
                  onImported={(n) => changed(tn('import.done', n))}
                />
              </div>
            )}
          </>
        )
      }
    </ClusterShell>
  );
}
