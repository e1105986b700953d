import type { RequestStatus, ServiceRequest } from '../schema';

/** The path a request takes when all goes well, in order. */
export const LIFECYCLE_STAGES = ['draft', 'open', 'evaluating', 'awarded', 'in_delivery', 'completed'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** One step of the stepper: a stage on the path, or the end the request took instead. */
export interface LifecycleStep {
  stage: LifecycleStage | 'cancelled' | 'unsuccessful';
  state: 'done' | 'current' | 'upcoming';
}

/** Who acts next, and what they do; none once the request has ended. */
export type NextAction =
  | { actor: 'lead_association'; action: 'publish' | 'award' | 'decide_milestones' }
  | { actor: 'providers_and_firms'; action: 'bid_and_pledge' }
  | { actor: 'provider'; action: 'deliver' }
  | undefined;

/**
 * Where a request stands: the stages it has passed, the one it is in, and those still ahead.
 * A request that ended early keeps the stages it reached (an award means it got that far;
 * an unsuccessful one was ranked without one) and ends on its end instead of the rest.
 *
 * @example
 * lifecycleSteps({ status: 'evaluating' }).map((s) => s.state) // ['done', 'done', 'current', 'upcoming', …]
 * lifecycleSteps({ status: 'unsuccessful' }).at(-1) // { stage: 'unsuccessful', state: 'current' }
 */
export function lifecycleSteps(request: Pick<ServiceRequest, 'status' | 'award'>): LifecycleStep[] {
  const { status } = request;
  if (status === 'cancelled' || status === 'unsuccessful') {
    const reached: LifecycleStage = status === 'unsuccessful' ? 'evaluating' : request.award ? 'awarded' : 'draft';
    const upTo = LIFECYCLE_STAGES.indexOf(reached);
    return [
      ...LIFECYCLE_STAGES.slice(0, upTo + 1).map((stage) => ({ stage, state: 'done' as const })),
      { stage: status, state: 'current' },
    ];
  }
  const current = LIFECYCLE_STAGES.indexOf(status);
  return LIFECYCLE_STAGES.map((stage, i) => ({
    stage,
    state: i < current ? 'done' : i === current ? 'current' : 'upcoming',
  }));
}

/**
 * The next step and who takes it, for a request in `status`.
 *
 * @example
 * nextAction('awarded') // { actor: 'provider', action: 'deliver' }
 */
export function nextAction(status: RequestStatus): NextAction {
  switch (status) {
    case 'draft':
      return { actor: 'lead_association', action: 'publish' };
    case 'open':
      return { actor: 'providers_and_firms', action: 'bid_and_pledge' };
    case 'evaluating':
      return { actor: 'lead_association', action: 'award' };
    case 'awarded':
      return { actor: 'provider', action: 'deliver' };
    case 'in_delivery':
      return { actor: 'lead_association', action: 'decide_milestones' };
    default:
      return undefined;
  }
}
