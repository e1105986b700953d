import type { DomainEvent } from '@bds/core';

/**
 * One-time schedules that deliver an event to the workers' queue at a given instant: a
 * request's deadline, a milestone's automatic acceptance. EventBridge Scheduler in AWS (one
 * `at(...)` schedule per name), timers in the one-process local stack. Scheduling the same
 * name again moves it; cancelling an unknown name is not an error. A trigger may come late,
 * early or twice: every handler checks the state it acts on.
 */
export interface Scheduler {
  /** Creates or moves the schedule `name` to fire `event` at `at` (ISO instant). */
  at(name: string, at: string, event: DomainEvent): Promise<void>;
  cancel(name: string): Promise<void>;
}
