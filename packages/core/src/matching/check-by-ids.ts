import { buildInstance, type MatchingProvider, type MatchingRequest } from './build';
import { checkCertificate, type MatchingCertificateCheck } from './certificate';
import type { MatchingCertificate } from './outcome';

/**
 * Re-checks a stored result by id — the instance, the awards and the certificate as a matching
 * run keeps them — with `checkCertificate`: feasible awards, feasible duals, equal bounds. An
 * award naming a bid the request does not have, or a dual missing for a request or provider,
 * fails the check instead of throwing.
 *
 * @example
 * checkByIds(plan.requests, plan.providers, outcome.awards, outcome.certificate).ok // true
 */
export function checkByIds(
  requests: readonly MatchingRequest[],
  providers: readonly MatchingProvider[],
  awards: readonly { readonly requestId: string; readonly providerId: string }[],
  certificate: MatchingCertificate,
): MatchingCertificateCheck {
  const { instance, requestIds, providerIds } = buildInstance(requests, providers);
  const awarded = new Map(awards.map((a) => [a.requestId, a.providerId]));
  const problems: string[] = [];
  const assignment = new Int32Array(requestIds.length).fill(-1);
  requestIds.forEach((id, r) => {
    const providerId = awarded.get(id);
    if (providerId === undefined) return;
    const k = requests[r]!.bids.findIndex((b) => b.providerId === providerId);
    if (k < 0) problems.push(`request ${id} is awarded to ${providerId}, which did not bid on it`);
    else assignment[r] = instance.bidStart[r]! + k;
  });
  for (const a of awards)
    if (!requestIds.includes(a.requestId)) problems.push(`award for unknown request ${a.requestId}`);
  const dual = (map: Record<string, number>, id: string) => (Object.hasOwn(map, id) ? map[id]! : NaN);
  const duals = {
    request: Float64Array.from(requestIds, (id) => dual(certificate.requests, id)),
    provider: Float64Array.from(providerIds, (id) => dual(certificate.providers, id)),
  };
  const check = checkCertificate(instance, assignment, duals);
  if (check.ok && check.dual !== certificate.bound)
    problems.push(`the stored bound ${certificate.bound} is not the dual sum ${check.dual}`);
  const all = [...problems, ...check.problems];
  return { ...check, ok: all.length === 0, problems: all };
}
