import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, openBrowser, screenshot, type BrowserUser } from './support/browser';
import { apiAs, bidTerms, requestTerms, signInApi, type ApiUser } from './support/api';
import { sharedStack } from './support/stack';
import { heading, signInUi, textOf, unique } from './support/ui';

type Id = { id: string };
// Jaipur's people: no other e2e file uses the cluster, so its stand-still policy changes nobody else's awards.
const JAIPUR = {
  calico: 'secretary@calico.bds.example',
  admin: 'cda@jaipur.bds.example',
  nift: 'outreach@nift.bds.example',
  lab: 'tests@rttl.bds.example',
};
// The stack's clock jumps to the deadline and to the end of the stand-still (support/stack.ts), so both can be long
// enough for a busy machine without the run waiting for them.
const STANDSTILL_S = 180;

/**
 * Journey (issue 13): a losing bidder reads its rank in the stand-still and files a complaint; the association sees
 * the award blocked; the cluster admin finds the complaint on its home page and dismisses it with a reason; once the
 * stand-still is over the association awards. Every party's inbox says what happened. The request, pledges and bids
 * are set up by API on Jaipur (a stand-still of 3 minutes, set by its admin; the stack's clock jumps over it).
 */
describe('a complaint in the stand-still', () => {
  const stack = sharedStack();
  let nift: BrowserUser;
  let calico: BrowserUser;
  let admin: BrowserUser;
  const title = `Block-print design clinic ${unique()}`;
  let api: Record<keyof typeof JAIPUR, ApiUser>;
  let path = '';
  let standstillEndsAt = 0;

  beforeAll(async () => {
    [nift, calico, admin] = await Promise.all([openBrowser(), openBrowser(), openBrowser()]);
    const entries = await Promise.all(
      Object.entries(JAIPUR).map(async ([k, email]) => [k, await signInApi(stack.url, email)] as const),
    );
    api = Object.fromEntries(entries) as typeof api;
    const cluster = `/api/clusters/${api.calico.clusterIds[0]}`;
    // The stand-still is the cluster's policy: the admin sets it, as on the policy page.
    const policyUrl = `${stack.url}${cluster}/policy`;
    const auth = { authorization: `Bearer ${api.admin.token}` };
    const policy = (await (await fetch(policyUrl, { headers: auth })).json()) as Record<string, unknown>;
    const put = await fetch(policyUrl, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ ...policy, standstillSeconds: STANDSTILL_S }),
    });
    expect(put.status, await put.clone().text()).toBe(200);
    const rep = apiAs(stack.url, api.calico);
    const deadline = (await stack.now()) + 60_000;
    const terms = {
      ...requestTerms(title, deadline, 2),
      place: 'CALICO hall, Sanganer',
      weights: { price: 90, quality: 10 },
    };
    const r = await rep.post<Id>(`${cluster}/requests`, terms);
    path = `${cluster}/requests/${r.id}`;
    await rep.post(`${path}/publish`);
    for (const name of [`Sanganer Prints ${unique()}`, `Bagru Dyers ${unique()}`]) {
      const firm = await rep.post<Id>(`${cluster}/associations/${api.calico.organisationId}/firms`, {
        name,
        employees: 9,
        mechanised: false,
        womenLed: true,
      });
      await rep.post(`${path}/pledges`, { firmId: firm.id });
    }
    await apiAs(stack.url, api.nift).post(`${path}/bids`, bidTerms([[2, 15_000]]));
    await apiAs(stack.url, api.lab).post(`${path}/bids`, bidTerms([[2, 5_000]]));
    await stack.advanceTo(deadline + 500);
    // The scheduled close fired at the deadline; ours finds the request ranked (or ranks it, if it lost a race).
    await rep.post(`${path}/close`).catch(() => undefined);
    await stack.drain();
    const request = await rep.get<{ standstillEndsAt: string }>(path);
    standstillEndsAt = Date.parse(request.standstillEndsAt);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([nift?.close(), calico?.close(), admin?.close()]);
  });

  it('the losing bidder sees its rank and files a complaint; the association sees the award blocked', async () => {
    // Act: the bidder reads its standing and files, confirming the consequence
    await signInUi(nift.page, stack.url, JAIPUR.nift);
    await nift.page.goto(`${stack.url}${path.replace('/api', '')}`);
    await heading(nift.page, title).waitFor();
    const standing = nift.page.getByRole('region', { name: 'Your place in the ranking' });
    await standing.getByText('Your bid is ranked 2 of 2.').waitFor();
    await expectAccessible(nift.page, 'a bidder’s standing');
    await screenshot(nift.page, 'complaint-standing');
    await standing.getByRole('button', { name: 'File a complaint…' }).click();
    await nift.page
      .getByLabel('What is wrong with the ranking?')
      .fill('Our clinic includes the printing blocks; the winning price leaves them out, so it is not comparable.');
    await nift.page.getByLabel('Evidence (optional)').fill('Our bid, delivery plan: blocks for every firm.');
    await nift.page.getByRole('button', { name: 'Continue' }).click();
    const confirm = await textOf(nift.page.getByRole('form', { name: 'File a complaint against the ranking' }));
    await nift.page.getByRole('button', { name: 'Yes, file the complaint' }).click();
    await standing.getByText('Your complaint is filed.', { exact: false }).first().waitFor();
    // Act: the association opens the request
    await signInUi(calico.page, stack.url, JAIPUR.calico);
    await calico.page.goto(`${stack.url}${path.replace('/api', '')}`);
    const complaints = calico.page.getByRole('region', { name: 'Complaints' });
    await complaints.getByText('Award blocked: a complaint is open.').waitFor();
    await expectAccessible(calico.page, 'the association’s blocked award');
    await screenshot(calico.page, 'complaint-blocked');
    // Assess
    expect(confirm).toContain('The award of this request is blocked until the cluster admin decides it.');
  });

  it('the cluster admin dismisses it with a reason; after the stand-still the association awards', async () => {
    // Act: the complaint waits on the admin's home page
    await signInUi(admin.page, stack.url, JAIPUR.admin);
    const todo = admin.page.getByRole('region', { name: 'Complaints to decide' });
    await todo.getByRole('link', { name: new RegExp(title) }).click();
    await heading(admin.page, title).waitFor();
    const panel = admin.page.getByRole('region', { name: 'Complaints' });
    await panel.getByRole('button', { name: 'Decide this complaint…' }).click();
    await admin.page.getByLabel('Decision').selectOption('dismissed');
    await admin.page
      .getByLabel('Your reason')
      .fill('The request asks for the clinic only; blocks are the firms’ own. The ranking stands.');
    await admin.page.getByRole('button', { name: 'Continue' }).click();
    const confirm = await textOf(panel.getByRole('form'));
    await expectAccessible(admin.page, 'the decision’s confirmation');
    await admin.page.getByRole('button', { name: 'Yes, record the decision' }).click();
    await panel
      .getByText(/dismissed/)
      .first()
      .waitFor();
    await screenshot(admin.page, 'complaint-dismissed');
    await stack.drain();
    // Act: the award waits for the stand-still's end, then goes ahead
    await stack.advanceTo(standstillEndsAt + 1_000);
    const rep = apiAs(stack.url, api.calico);
    const evaluation = await rep.get<{ recommended: { bidId: string } }>(`${path}/evaluation`);
    const awarded = await rep.post<{ status: string }>(`${path}/award`, { bidId: evaluation.recommended.bidId });
    await stack.drain();
    // Assess
    expect(confirm).toContain('The ranking stands');
    expect(awarded.status).toBe('awarded');
    const inbox = async (user: ApiUser) =>
      (await apiAs(stack.url, user).get<{ items: { title: string }[] }>('/api/inbox?limit=100')).items
        .map((n) => n.title)
        .filter((t) => t.endsWith(title));
    expect(await inbox(api.nift)).toEqual(
      expect.arrayContaining([`Complaint received: ${title}`, `Complaint dismissed: ${title}`]),
    );
    expect(await inbox(api.calico)).toEqual(
      expect.arrayContaining([`Award blocked: ${title}`, `Complaint dismissed: ${title}`]),
    );
    expect(await inbox(api.admin)).toContain(`Complaint to decide: ${title}`);
    const mail = (await (await fetch(`${stack.url}/api/outbox?email=${encodeURIComponent(JAIPUR.nift)}`)).json()) as {
      items: { subject: string }[];
    };
    expect(mail.items.map((m) => m.subject)).toContain(`Complaint dismissed: ${title}`);
  }, 180_000);
});
