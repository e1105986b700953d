import type { ServiceRequest } from '../../api';
import { useNow } from '../../hooks';
import { isAdminOf, useSession } from '../../session';
import { BidPanel } from './bid/BidPanel';
import { EvaluationPanel } from './evaluation/EvaluationPanel';
import { MoneyPanel } from './money/MoneyPanel';
import { CancelRequest, CloseBidding, JoinRequest, SealedNotice } from './Lifecycle';
import { Pledges } from './pledges/Pledges';
import { ComplaintsPanel } from './complaints/ComplaintsPanel';
import { MyStanding } from './complaints/MyStanding';
import { SplitNotice } from './SplitNotice';

const RANKED = ['evaluating', 'awarded', 'unsuccessful', 'in_delivery', 'completed'];
const AWARDED = ['awarded', 'in_delivery', 'completed'];

/**
 * What the signed-in user can do with a request, by role and by where the request stands:
 * providers bid and, once awarded, report delivery; sponsoring associations pledge, see that bids are sealed, then
 * close, rank
 * and award; other associations join; admins close and read the ranking.
 */
export function Work({
  request: r,
  onChanged,
  refresh,
}: {
  request: ServiceRequest;
  onChanged(r: ServiceRequest): void;
  refresh(): void;
}) {
  const { user } = useSession();
  const now = useNow(5_000);
  if (!user) return null;
  const passed = Date.parse(r.biddingDeadline) <= now;
  const rep = user.role === 'association_rep' && user.clusterIds.includes(r.clusterId);
  const lead = rep && r.associationId === user.organisationId;
  const sponsor = rep && (lead || r.coSponsorIds.includes(user.organisationId));
  const admin = isAdminOf(user, r.clusterId);
  const awardee = user.role === 'provider' && r.award?.providerId === user.organisationId;
  // A contract of a split award (issue 13) is delivered and paid like any award; its bids, ranking and
  // pledges are its split request's. The split request itself holds no money: its contracts do.
  const contract = r.contractOf !== undefined;
  const split = r.splitAward !== undefined;
  return (
    <>
      <SplitNotice request={r} />
      {(sponsor || admin || awardee) && AWARDED.includes(r.status) && !split && (
        <MoneyPanel request={r} roles={{ provider: awardee, lead, admin }} />
      )}
      {user.role === 'provider' && AWARDED.concat('evaluating').includes(r.status) && !contract && (
        <MyStanding request={r} />
      )}
      {(sponsor || admin) && RANKED.includes(r.status) && !contract && (
        <ComplaintsPanel request={r} canDecide={admin} onChanged={onChanged} />
      )}
      {user.role === 'provider' && r.status !== 'draft' && !contract && <BidPanel request={r} />}
      {sponsor && r.status === 'open' && !passed && <SealedNotice request={r} />}
      {(lead || admin) && r.status === 'open' && passed && <CloseBidding request={r} onChanged={onChanged} />}
      {(sponsor || admin) && RANKED.includes(r.status) && !contract && (
        <EvaluationPanel request={r} canAward={lead} onChanged={onChanged} />
      )}
      {sponsor && r.status !== 'draft' && !contract && (
        <Pledges request={r} associationId={user.organisationId} onChanged={refresh} />
      )}
      {rep && !sponsor && r.status === 'open' && !passed && <JoinRequest request={r} onChanged={onChanged} />}
      {(lead || admin) && (r.status === 'draft' || r.status === 'open') && (
        <CancelRequest request={r} onChanged={onChanged} />
      )}
    </>
  );
}
