/** Time enters the domain only through this port, so tests are deterministic. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** A clock that always says the same instant; for tests and replays. */
export const fixedClock = (ms: number): Clock => ({ now: () => ms });
