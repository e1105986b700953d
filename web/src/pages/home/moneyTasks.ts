import type { Api, RequestMoney, ServiceRequest, User } from '../../api';
import { formatAmount } from '../../format';
import { isUnread } from '../../hooks';
import { t, tn } from '../../i18n';
import { paths } from '../../router';
import { loadDeliveries } from '../deliveries/load';

export interface Task {
  key: string;
  to: string;
  text: string;
}

const AWARDED: ServiceRequest['status'][] = ['awarded', 'in_delivery'];

/**
 * A source of tasks that may not exist on this API yet (or not for this user): it adds nothing
 * rather than hiding the other tasks behind an error.
 */
const soft = (tasks: Promise<Task[]>): Promise<Task[]> => tasks.catch(() => []);

function milestoneTasks(
  r: ServiceRequest,
  money: RequestMoney,
  status: string,
  key: 'home.task.reportDelivery' | 'home.task.acceptMilestone' | 'home.task.resolveMilestone',
): Task[] {
  return money.milestones
    .filter((m) => m.status === status)
    .map((m) => ({
      key: `${r.id}-${m.index}-${status}`,
      to: paths.request(r.clusterId, r.id),
      text: t(key, { milestone: m.name, title: r.title }),
    }));
}

async function awardedIn(api: Api, clusterIds: string[], signal: AbortSignal): Promise<ServiceRequest[]> {
  const pages = await Promise.all(
    clusterIds.flatMap((id) => AWARDED.map((status) => api.listRequests(id, { status, limit: 50 }, signal))),
  );
  // A split request holds no escrow (its contracts, each a request of its own, do): it has no money to read.
  return pages.flatMap((p) => p.items).filter((r) => !r.splitAward);
}

/** Reported deliveries the lead association is to accept or dispute. */
async function toAccept(api: Api, user: User, signal: AbortSignal): Promise<Task[]> {
  const mine = (await awardedIn(api, user.clusterIds, signal)).filter((r) => r.associationId === user.organisationId);
  const money = await Promise.all(mine.map((r) => api.getMoney(r.clusterId, r.id, signal).catch(() => undefined)));
  return mine.flatMap((r, i) => (money[i] ? milestoneTasks(r, money[i], 'reported', 'home.task.acceptMilestone') : []));
}

/** Disputes a cluster admin is to resolve. */
async function toResolve(api: Api, user: User, signal: AbortSignal): Promise<Task[]> {
  const awarded = await awardedIn(api, user.clusterIds, signal);
  const money = await Promise.all(awarded.map((r) => api.getMoney(r.clusterId, r.id, signal).catch(() => undefined)));
  return awarded.flatMap((r, i) =>
    money[i] ? milestoneTasks(r, money[i], 'disputed', 'home.task.resolveMilestone') : [],
  );
}

/** Milestones the provider is to deliver and report, and money payable to it. */
async function providerTasks(api: Api, user: User, signal: AbortSignal): Promise<Task[]> {
  const [deliveries, payable] = await Promise.all([
    loadDeliveries(api, signal),
    api.getPayable(user.organisationId, signal).catch(() => undefined),
  ]);
  const report = deliveries.flatMap((d) =>
    d.money && d.money.status !== 'pending'
      ? milestoneTasks(d.request, d.money, 'awaiting_delivery', 'home.task.reportDelivery')
      : [],
  );
  const pay =
    payable && payable.payable.amount > 0
      ? [
          {
            key: 'payable',
            to: paths.payouts(),
            text: t('home.task.payable', { amount: formatAmount(payable.payable) }),
          },
        ]
      : [];
  return [...report, ...pay];
}

/** A funder's programmes and what each has available; none yet, a prompt to create one. */
async function funderTasks(api: Api, signal: AbortSignal): Promise<Task[]> {
  const page = await api.listProgrammes(undefined, signal);
  if (page.items.length === 0)
    return [{ key: 'programme-new', to: paths.newProgramme(), text: t('home.task.programmeNone') }];
  return page.items
    .filter((p) => p.status === 'open')
    .map((p) => ({
      key: p.id,
      to: paths.programme(p.id),
      text: t('home.task.programme', { name: p.name, available: formatAmount(p.funds.available) }),
    }));
}

/** Money payable now (to be batched), and payout batches exported to the bank and not yet marked paid. */
async function payoutTasks(api: Api, signal: AbortSignal): Promise<Task[]> {
  const [batches, payables] = await Promise.all([
    api.listPayouts(undefined, signal),
    api.listPayables(signal).catch(() => undefined),
  ]);
  const open = batches.items.filter((b) => b.status !== 'paid').length;
  const count = payables?.lines.length ?? 0;
  const payable =
    payables && count > 0
      ? [
          {
            key: 'payable-now',
            to: paths.payouts(),
            text: tn('home.task.payableNow', count, {
              total: payables.totals.map(formatAmount).join(t('common.separator')),
            }),
          },
        ]
      : [];
  const toPay = open > 0 ? [{ key: 'payouts', to: paths.payouts(), text: tn('home.task.payoutsToPay', open) }] : [];
  return [...payable, ...toPay];
}

async function unreadTask(api: Api, signal: AbortSignal): Promise<Task[]> {
  const unread = (await api.inbox(undefined, signal)).items.filter(isUnread).length;
  return unread > 0 ? [{ key: 'inbox', to: paths.inbox(), text: tn('home.task.unread', unread) }] : [];
}

/**
 * What public money asks of this role now: deliveries to report, milestones to accept, disputes
 * to resolve, programmes and payouts; and for everyone, unread notifications.
 */
export async function moneyTasks(api: Api, user: User, signal: AbortSignal): Promise<Task[]> {
  const sources: Promise<Task[]>[] = [soft(unreadTask(api, signal))];
  if (user.role === 'association_rep') sources.push(soft(toAccept(api, user, signal)));
  if (user.role === 'cluster_admin') sources.push(soft(toResolve(api, user, signal)));
  if (user.role === 'provider') sources.push(soft(providerTasks(api, user, signal)));
  if (user.role === 'funder') sources.push(soft(funderTasks(api, signal)));
  if (user.role === 'national_admin') sources.push(soft(payoutTasks(api, signal)));
  return (await Promise.all(sources)).flat();
}
