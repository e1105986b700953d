import * as z from 'zod';
import {
  Money as MoneyModule,
  acceptMilestone,
  escrowErrors,
  moneyView,
  releasePreview,
  type Actor,
  type EscrowRecord,
} from '@bds/core';
import { answerByLink, answerOnBehalf, readAttendanceLink } from '../../use-cases/confirm-attendance';
import { decideMilestone } from '../../use-cases/decide-milestone';
import type { Deps } from '../deps';
import { route } from '../route';
import { ADMINS, assertSponsorOrAdmin, visible } from './guards';
import { MilestoneParams, MoneyView } from './milestones';

const tags = ['attendance'];
const Money = MoneyModule.Money;
const Token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'Not a confirmation link');

const AttendancePage = z.object({
  firmName: z.string(),
  service: z.string(),
  category: z.string(),
  providerName: z.string(),
  milestone: z.string(),
  reportedAt: z.string(),
  expiresAt: z.string(),
  answer: z.object({ attended: z.boolean(), at: z.string() }).optional(),
});
const page = { 200: { description: 'What the firm is asked, and its answer once given', schema: AttendancePage } };

const Way = z.object({ released: Money, returned: Money, firms: z.number().int() });
const AttendanceList = z.object({
  count: z.object({ listed: z.number(), confirmed: z.number(), denied: z.number(), silent: z.number() }),
  preview: z.object({ held: Money, confirmed: Way, full: Way, notDenied: Way }),
  firms: z.array(
    z.object({
      firmId: z.string(),
      firmName: z.string(),
      byMail: z.boolean(),
      /** Only to the reps who may answer for the firm. */
      code: z.string().optional(),
      answer: z.object({ attended: z.boolean(), at: z.string(), onBehalf: z.boolean() }).optional(),
    }),
  ),
});
const list = {
  200: { description: "The listed firms' answers and what each way of accepting releases", schema: AttendanceList },
};

export const readAttendance = route({
  method: 'post',
  path: '/api/attendance/view',
  operationId: 'readAttendanceLink',
  summary: "A firm's confirmation link: which service, provider, milestone and date it is asked about (no sign-in)",
  tags,
  access: 'public',
  body: z.object({ token: Token }),
  responses: page,
  handler: async ({ body, deps }) => ({ status: 200, body: await readAttendanceLink(deps, body.token) }),
});

export const answerAttendance = route({
  method: 'post',
  path: '/api/attendance/answer',
  operationId: 'answerAttendance',
  summary: 'A firm answers "Did you attend?" through its mailed link (works once, until the milestone is decided)',
  tags,
  access: 'public',
  body: z.object({ token: Token, attended: z.boolean() }),
  responses: page,
  handler: async ({ body, deps }) => ({ status: 200, body: await answerByLink(deps, body.token, body.attended) }),
});

async function attendanceList(deps: Deps, actor: Actor, record: EscrowRecord, index: number) {
  const m = record.milestones[index];
  if (!m) throw escrowErrors.milestoneNotFound(index);
  const asked = new Map(
    (await deps.stores.attendance.list(record.clusterId, record.requestId, index)).map((r) => [r.firmId, r]),
  );
  const answers = new Map((m.attendance ?? []).map((a) => [a.firmId, a]));
  const preview = releasePreview(record, index);
  const firms = (m.report?.attendedFirmIds ?? []).map((firmId) => {
    const r = asked.get(firmId);
    const a = answers.get(firmId);
    const mayAnswer =
      actor.role === 'association_rep' &&
      (actor.organisationId === record.associationId || actor.organisationId === r?.associationId);
    return {
      firmId,
      firmName: r?.firmName ?? firmId,
      byMail: r?.email !== undefined,
      ...(r && mayAnswer ? { code: r.code } : {}),
      ...(a ? { answer: { attended: a.attended, at: a.at, onBehalf: a.onBehalfBy !== undefined } } : {}),
    };
  });
  return { count: preview.count, preview, firms };
}

async function load(deps: Deps, actor: Actor, clusterId: string, requestId: string): Promise<EscrowRecord> {
  const [request, record] = await Promise.all([
    deps.stores.requests.get(clusterId, requestId),
    deps.stores.escrow.get(clusterId, requestId),
  ]);
  assertSponsorOrAdmin(actor, visible(actor, request));
  if (!record) throw escrowErrors.notFound();
  return record;
}

export const listAttendance = route({
  method: 'get',
  path: '/api/clusters/:clusterId/requests/:requestId/milestones/:index/attendance',
  operationId: 'listAttendance',
  summary:
    'Who of the firms the provider listed confirmed, denied or has not answered, and what accepting releases ' +
    '(sponsoring associations and admins; never the provider)',
  tags,
  access: ['association_rep', ...ADMINS],
  params: MilestoneParams,
  responses: list,
  handler: async ({ params, actor, deps }) => {
    const record = await load(deps, actor, params.clusterId, params.requestId);
    return { status: 200, body: await attendanceList(deps, actor, record, params.index) };
  },
});

export const answerAttendanceOnBehalf = route({
  method: 'post',
  path: '/api/clusters/:clusterId/requests/:requestId/milestones/:index/attendance/on-behalf',
  operationId: 'answerAttendanceOnBehalf',
  summary: "An association rep enters a firm's answer with its code (firms without mail): marked entered on behalf",
  tags,
  access: ['association_rep'],
  params: MilestoneParams,
  body: z.object({ code: z.string().trim().min(1).max(12), attended: z.boolean() }),
  responses: list,
  handler: async ({ params, body, actor, deps, correlationId }) => {
    const { clusterId, requestId, index } = params;
    await load(deps, actor, clusterId, requestId);
    const target = { clusterId, requestId, index, by: actor, correlationId };
    const { record } = await answerOnBehalf(deps, target, body.code, body.attended);
    return { status: 200, body: await attendanceList(deps, actor, record, index) };
  },
});

export const acceptMilestoneInFull = route({
  method: 'post',
  path: '/api/clusters/:clusterId/requests/:requestId/milestones/:index/accept-in-full',
  operationId: 'acceptMilestoneInFull',
  summary:
    'The lead association releases a milestone in full, also for firms that did not confirm, ' +
    'with a written reason (20 characters or more) kept on the acceptance',
  tags: ['escrow'],
  access: ['association_rep'],
  params: MilestoneParams,
  body: z.object({ reason: z.string().max(2_000) }),
  responses: { 200: { description: "The award's money", schema: MoneyView } },
  handler: async ({ params, body, actor, deps, correlationId }) => {
    const { clusterId, requestId, index } = params;
    await load(deps, actor, clusterId, requestId);
    const at = new Date(deps.clock.now()).toISOString();
    const target = { clusterId, requestId, index, by: actor, correlationId };
    const decide = (r: EscrowRecord) => acceptMilestone(r, index, actor, at, { release: 'full', reason: body.reason });
    const { record } = await decideMilestone(deps, target, decide);
    return { status: 200, body: moneyView(record) };
  },
});
