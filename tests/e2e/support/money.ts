import { DEMO, apiAs, bidTerms, requestTerms, signInApi, type ApiUser, type RequestCategory } from './api';
import type { E2eStack } from './stack';

type Id = { id: string };

/** What the tests read of an award's money (docs/money-api.md). */
export interface MoneyView {
  status: 'pending' | 'held' | 'closed';
  subsidy: { amount: number; currency: string };
  milestones: {
    index: number;
    name: string;
    status: string;
    held: { amount: number; currency: string };
    released: { amount: number; currency: string };
  }[];
}

export interface Awarded {
  clusterId: string;
  requestId: string;
  title: string;
  knidgro: ApiUser;
  /** The awarded provider, signed in through the API. */
  provider: ApiUser;
  money: MoneyView;
}

/** Rupees the way the portal shows them: ₹1,25,000, ₹99.50. */
export const rupees = (paise: number): string =>
  new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', trailingZeroDisplay: 'stripIfInteger' }).format(
    paise / 100,
  );

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A request of KNIDGRO awarded to `providerEmail`'s provider (the Ludhiana Institute of Computer
 * Training unless told), its escrow held by the seeded SIDBI programme: everything a money
 * journey starts from, done through the API (pledges of four firms, one bid, the deadline
 * passing, closing, the award, the escrow worker). Journeys that read a provider's payable give
 * each a provider of its own: the stack is shared by every e2e file.
 *
 * @example
 * const awarded = await awardedRequest(stack, 'ERP roll-out x1', DEMO.sutra);
 */
export async function awardedRequest(
  stack: E2eStack,
  title: string,
  providerEmail: string = DEMO.lict,
  /** Also pledge a new member firm with this mail address (issue 12: it is mailed its confirmation link). */
  firmWithMail?: { name: string; email: string },
  /**
   * The service bought. The subsidy tapers with KNIDGRO's earlier awards of the same category (50/38/26/7 %, then
   * nothing): a journey that needs released money buys a category no other journey of the shared stack buys.
   */
  category: RequestCategory = 'it-software',
): Promise<Awarded & { firmWithMail?: string }> {
  const [knidgro, provider] = await Promise.all([
    signInApi(stack.url, DEMO.knidgro),
    signInApi(stack.url, providerEmail),
  ]);
  const rep = apiAs(stack.url, knidgro);
  const clusterId = knidgro.clusterIds[0] ?? '';
  const cluster = `/api/clusters/${clusterId}`;
  // Time enough to set up on a busy machine: the stack's clock then jumps to the deadline rather than waiting for it.
  const deadline = (await stack.now()) + 60_000;
  const r = await rep.post<Id>(`${cluster}/requests`, requestTerms(title, deadline, 3, category));
  const path = `${cluster}/requests/${r.id}`;
  await rep.post(`${path}/publish`);
  const firms = await rep.get<{ items: Id[] }>(`${cluster}/associations/${knidgro.organisationId}/firms`);
  for (const firm of firms.items.slice(0, 4)) await rep.post(`${path}/pledges`, { firmId: firm.id });
  let mailed: string | undefined;
  if (firmWithMail) {
    const firm = await rep.post<Id>(`${cluster}/associations/${knidgro.organisationId}/firms`, {
      ...firmWithMail,
      employees: 12,
      mechanised: true,
      womenLed: true,
    });
    await rep.post(`${path}/pledges`, { firmId: firm.id });
    mailed = firm.id;
  }
  await apiAs(stack.url, provider).post(`${path}/bids`, bidTerms([[3, 9_000]]));
  await stack.advanceTo(deadline + 500);
  // The scheduled close fired at the deadline; ours finds the request ranked already (or ranks it, if it lost a race).
  await rep.post(`${path}/close`).catch(() => undefined);
  await stack.drain();
  const evaluation = await rep.get<{ recommended?: { bidId: string } }>(`${path}/evaluation`);
  await rep.post(`${path}/award`, { bidId: evaluation.recommended?.bidId });
  // The escrow is set up by a worker on `request.awarded`: run the queues until it is held.
  let money: MoneyView | undefined;
  for (let i = 0; i < 40 && money?.status !== 'held'; i++) {
    await stack.drain();
    money = await rep.get<MoneyView>(`${path}/money`).catch(() => undefined);
    if (money?.status !== 'held') await sleep(250);
  }
  if (!money || money.status !== 'held') {
    throw new Error(
      `the escrow of ${r.id} was not held: ${JSON.stringify(money)}\n${(await stack.logTail()).join('\n')}`,
    );
  }
  return { clusterId, requestId: r.id, title, knidgro, provider, money, ...(mailed ? { firmWithMail: mailed } : {}) };
}

interface AttendanceList {
  firms: { firmId: string; code?: string; answer?: { attended: boolean } }[];
}

/**
 * Every firm the provider listed for a reported milestone says it attended, entered by its
 * association with the firm's code (issue 12): an accept then releases the milestone in full.
 * The codes exist once the worker has handled `milestone.reported`, so the queues run first.
 */
export async function confirmAttendance(stack: E2eStack, a: Awarded, index = 0): Promise<void> {
  const path = `/api/clusters/${a.clusterId}/requests/${a.requestId}/milestones/${index}/attendance`;
  const rep = apiAs(stack.url, a.knidgro);
  const ready = (l: AttendanceList | undefined) => l?.firms.every((f) => f.code !== undefined || f.answer) ?? false;
  let list: AttendanceList | undefined;
  // Room for a busy machine (integration runs beside e2e in `npm test`): up to 60 s for the worker.
  for (let i = 0; i < 120 && !ready(list); i++) {
    await stack.drain();
    list = await rep.get<AttendanceList>(path);
    if (!ready(list)) await sleep(500);
  }
  if (!ready(list))
    throw new Error(
      `the firms of ${a.requestId} got no confirmation codes: ${JSON.stringify(list)}\n` +
        (await stack.logTail()).join('\n'),
    );
  for (const firm of list?.firms ?? [])
    if (!firm.answer && firm.code) await rep.post(`${path}/on-behalf`, { code: firm.code, attended: true });
}

/** The provider reports the first milestone, its firms confirm, and the association accepts it, through the API. */
export async function releaseFirstMilestone(stack: E2eStack, a: Awarded): Promise<MoneyView> {
  const request = `/api/clusters/${a.clusterId}/requests/${a.requestId}`;
  const path = `${request}/milestones/0`;
  // Every pledged firm attended, named as a provider names them; each then confirms.
  const pledged = await apiAs(stack.url, a.knidgro).get<{ items: { firmId: string }[] }>(`${request}/pledges`);
  await apiAs(stack.url, a.provider).post(`${path}/report`, {
    evidence: 'ERP installed in all four units on 3 March; sign-off sheets attached.',
    attendedFirmIds: pledged.items.map((p) => p.firmId),
  });
  await confirmAttendance(stack, a);
  return apiAs(stack.url, a.knidgro).post<MoneyView>(`${path}/accept`);
}
