/** What the simulated people met: answers by status and by problem code, and every server error in full. */
export interface Tally {
  calls: number;
  byStatus: Record<string, number>;
  /** 4xx answers by their problem code: refusals a person can meet (a full provider, a stand-still still running). */
  refusals: Record<string, number>;
  serverErrors: string[];
}

export const emptyTally = (): Tally => ({ calls: 0, byStatus: {}, refusals: {}, serverErrors: [] });

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A signed-in person on the stack's API. Tokens are taken again when the simulated day changes: the stack's clock
 * ages them a day at a time, past their 15 minutes.
 */
export class Person {
  private token = '';
  private day = -1;
  constructor(
    private readonly base: string,
    readonly email: string,
    private readonly password: string,
    private readonly tally: Tally,
    private readonly today: () => number,
  ) {}

  organisationId = '';

  async get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path);
  }

  async post<T>(path: string, body?: unknown): Promise<T> {
    return this.call<T>('POST', path, body);
  }

  private async signIn(): Promise<void> {
    if (this.day === this.today()) return;
    const session = await this.send<{ accessToken: string; user: { organisationId: string } }>(
      'POST',
      '/api/auth/sign-in',
      { email: this.email, password: this.password },
      {},
    );
    this.token = session.accessToken;
    this.organisationId = session.user.organisationId;
    this.day = this.today();
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    await this.signIn();
    return this.send<T>(method, path, body, { authorization: `Bearer ${this.token}` });
  }

  private async send<T>(method: string, path: string, body: unknown, headers: Record<string, string>): Promise<T> {
    this.tally.calls++;
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    this.tally.byStatus[res.status] = (this.tally.byStatus[res.status] ?? 0) + 1;
    const text = await res.text();
    if (res.status >= 500) {
      this.tally.serverErrors.push(`${method} ${path} → ${res.status}: ${text.slice(0, 500)}`);
      throw new ApiError(res.status, 'SERVER', text);
    }
    if (res.status >= 400) {
      const problem = (text ? JSON.parse(text) : {}) as { code?: string; detail?: string };
      const code = problem.code ?? `HTTP_${res.status}`;
      this.tally.refusals[code] = (this.tally.refusals[code] ?? 0) + 1;
      throw new ApiError(res.status, code, `${method} ${path} → ${res.status} ${code}: ${problem.detail ?? text}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** Runs `act`; a refusal (4xx) is an answer the person reads and moves on from, a server error is not. */
export async function attempt<T>(act: () => Promise<T>): Promise<T | undefined> {
  try {
    return await act();
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) return undefined;
    throw error;
  }
}
