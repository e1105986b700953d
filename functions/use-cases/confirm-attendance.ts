import {
  attendanceErrors,
  escrowErrors,
  recordAttendance,
  type Actor,
  type AttendanceAnswer,
  type EscrowRecord,
} from '@bds/core';
import type { AttendanceLink, AttendanceRequest } from '../adapters/dynamo/attendance';
import { hashSecret } from '../adapters/secrets/tokens';
import type { MilestoneTarget } from './decide-milestone';
import type { UseCaseDeps } from './deps';

/** What a firm's page shows: which service, which provider, which milestone and date, and its answer once given. */
export interface AttendancePage {
  firmName: string;
  service: string;
  category: string;
  providerName: string;
  milestone: string;
  reportedAt: string;
  expiresAt: string;
  answer?: { attended: boolean; at: string } | undefined;
}

const seconds = (deps: UseCaseDeps) => Math.floor(deps.clock.now() / 1000);

/** The live link of a token, or `ATTENDANCE.LINK_INVALID` (unknown, forged, used and expired alike). */
async function liveLink(deps: UseCaseDeps, token: string): Promise<{ hash: string; link: AttendanceLink }> {
  const hash = hashSecret(token);
  const link = await deps.stores.attendance.link(hash);
  if (!link || link.expiresAt <= seconds(deps)) throw attendanceErrors.linkInvalid();
  return { hash, link };
}

async function page(deps: UseCaseDeps, link: AttendanceLink, record: EscrowRecord): Promise<AttendancePage> {
  const [request, provider, firm] = await Promise.all([
    deps.stores.requests.get(link.clusterId, link.requestId),
    deps.stores.providers.get(record.providerId),
    deps.stores.attendance.get(link.clusterId, link.requestId, link.index, link.firmId),
  ]);
  const m = record.milestones[link.index];
  if (!request || !m?.report) throw attendanceErrors.linkInvalid();
  const answer = m.attendance?.find((a) => a.firmId === link.firmId);
  return {
    firmName: firm?.firmName ?? '',
    service: request.title,
    category: request.category,
    providerName: provider?.name ?? '',
    milestone: m.name,
    reportedAt: m.report.at,
    expiresAt: new Date(link.expiresAt * 1000).toISOString(),
    ...(answer ? { answer: { attended: answer.attended, at: answer.at } } : {}),
  };
}

/**
 * What the firm's page shows for a link (no sign-in: the link is the credential).
 *
 * @example
 * const view = await readAttendanceLink(deps, token); // view.service, view.providerName…
 */
export async function readAttendanceLink(deps: UseCaseDeps, token: string): Promise<AttendancePage> {
  const { link } = await liveLink(deps, token);
  const record = await deps.stores.escrow.get(link.clusterId, link.requestId);
  if (!record) throw attendanceErrors.linkInvalid();
  return page(deps, link, record);
}

/**
 * A firm answers through its link: the answer is stored on the escrow record and the link used
 * up in one transaction, so a reused, expired or forged link records nothing
 * (`ATTENDANCE.LINK_INVALID`), and two racing uses record one answer.
 *
 * @example
 * const view = await answerByLink(deps, token, true); // view.answer?.attended === true
 */
export async function answerByLink(deps: UseCaseDeps, token: string, attended: boolean): Promise<AttendancePage> {
  const { hash, link } = await liveLink(deps, token);
  const at = new Date(deps.clock.now()).toISOString();
  const { record } = await deps.stores.escrow.change(link.clusterId, link.requestId, (r) => ({
    record: recordAttendance(r, link.index, { firmId: link.firmId, attended, at }),
    also: [deps.stores.attendance.useLink(hash, seconds(deps))],
    result: undefined,
  }));
  return page(deps, link, record);
}

/**
 * An association rep enters the answer of a firm without mail, with the firm's code: marked
 * "entered on behalf" (the rep's user id). Only the lead association or the firm's own
 * association may; a wrong code is `ATTENDANCE.CODE_INVALID`.
 *
 * @example
 * await answerOnBehalf(deps, { clusterId, requestId, index, by: rep, correlationId }, 'K7P3QX', true);
 */
export async function answerOnBehalf(
  deps: UseCaseDeps,
  target: MilestoneTarget & { by: Actor },
  code: string,
  attended: boolean,
): Promise<{ record: EscrowRecord; answer: AttendanceAnswer }> {
  const { clusterId, requestId, index, by } = target;
  const requests = await deps.stores.attendance.list(clusterId, requestId, index);
  const wanted = code.trim().toUpperCase();
  const asked = requests.find((r) => r.code === wanted);
  if (!asked) throw attendanceErrors.codeInvalid();
  const at = new Date(deps.clock.now()).toISOString();
  const { record } = await deps.stores.escrow.change(clusterId, requestId, (r) => {
    if (!mayAnswerFor(by, r, asked))
      throw escrowErrors.notParty("Only the lead association or the firm's own association answers for a firm.");
    return {
      record: recordAttendance(r, index, { firmId: asked.firmId, attended, at, onBehalfBy: by.userId }),
      result: undefined,
    };
  });
  const answer = record.milestones[index]!.attendance!.find((a) => a.firmId === asked.firmId)!;
  return { record, answer };
}

const mayAnswerFor = (actor: Actor, record: EscrowRecord, asked: AttendanceRequest) =>
  actor.role === 'association_rep' &&
  (actor.organisationId === record.associationId || actor.organisationId === asked.associationId);
