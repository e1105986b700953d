import { useState } from 'react';
import { useApi } from '../../api';
import { ClusterShell, ErrorNotice, Loading, SuccessNotice, TextInput } from '../../components';
import { useRequireUser, useResource } from '../../hooks';
import { t, tn } from '../../i18n';
import { navigate, paths, useLocation } from '../../router';
import { isRepOf } from '../../session';
import { AddFirmForm } from './AddFirmForm';
import { FirmList } from './FirmList';
import { ImportForm } from './ImportForm';
import { wholeRegister } from './register';

/**
 * The association's member-firm register: searched by name (the search is kept in the address, `?q=`) and counted, one
 * firm by hand (warned of a name already in the register), or a whole register from CSV.
 */
export function FirmsPage({ clusterId }: { clusterId: string }) {
  const api = useApi();
  const { search } = useLocation();
  const q = new URLSearchParams(search).get('q') ?? '';
  const user = useRequireUser(paths.firms(clusterId, q));
  const [round, setRound] = useState(0);
  const [done, setDone] = useState<string | undefined>(undefined);
  const own = user?.organisationId;
  const [register, reload] = useResource(
    (signal) => (own ? wholeRegister(api, clusterId, own, signal) : Promise.resolve([])),
    [api, clusterId, own, round],
  );
  if (!user) return null;
  const firms = register.state === 'ok' ? register.data : [];
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
              <TextInput
                id="firm-search"
                type="search"
                label={t('firms.search')}
                value={q}
                onValue={(next) => navigate(paths.firms(clusterId, next), { replace: true })}
              />
              {register.state === 'loading' && <Loading />}
              {register.state === 'error' && <ErrorNotice error={register.error} onRetry={reload} />}
              {register.state === 'ok' && <FirmList firms={register.data} q={q} />}
            </section>
            {cluster.status === 'active' && (
              <div className="two-col">
                <AddFirmForm
                  clusterId={clusterId}
                  associationId={user.organisationId}
                  existing={firms}
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
