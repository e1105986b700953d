/** One input at fault, named by its dotted path in the request body (`milestones.1.shareBasisPoints`). */
export interface FieldError {
  field: string;
  message: string;
}

/** What the portal knows about a failed call: the RFC 9457 problem, or a stand-in for one. */
export interface ProblemFields {
  title: string;
  detail: string;
  status: number;
  code: string;
  errors: FieldError[];
}

/**
 * A call to the API failed. `status` 0 means the API could not be reached at all.
 *
 * @example
 * try { await api.signIn(email, password) } catch (e) { if (e instanceof ApiError && e.status === 401) … }
 */
export class ApiError extends Error implements ProblemFields {
  override readonly name = 'ApiError';
  readonly title: string;
  readonly detail: string;
  readonly status: number;
  readonly code: string;
  readonly errors: FieldError[];

  constructor(problem: ProblemFields, options?: { cause?: unknown }) {
    super(problem.detail || problem.title, options);
    this.title = problem.title;
    this.detail = problem.detail;
    this.status = problem.status;
    this.code = problem.code;
    this.errors = problem.errors;
  }

  /** The messages for one field, and for fields nested under it (`milestones` gets `milestones.0.name`). */
  messagesFor(field: string): string[] {
    return this.errors.filter((e) => e.field === field || e.field.startsWith(`${field}.`)).map((e) => e.message);
  }
}

const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);

function fieldErrors(v: unknown): FieldError[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((e): e is { field: unknown; message: unknown } => typeof e === 'object' && e !== null)
    .map((e) => ({ field: str(e.field, ''), message: str(e.message, '') }))
    .filter((e) => e.message !== '');
}

/** Reads a failed response into an ApiError, whether or not it is `application/problem+json`. */
export async function toApiError(res: Response): Promise<ApiError> {
  const type = res.headers.get('content-type') ?? '';
  let body: Record<string, unknown> = {};
  if (type.includes('json')) {
    try {
      const parsed: unknown = await res.json();
      if (typeof parsed === 'object' && parsed !== null) body = parsed as Record<string, unknown>;
    } catch {
      // A broken error body still leaves the status to go on.
    }
  }
  return new ApiError({
    title: str(body.title, res.statusText || `HTTP ${res.status}`),
    detail: str(body.detail, ''),
    status: typeof body.status === 'number' ? body.status : res.status,
    code: str(body.code, `HTTP.${res.status}`),
    errors: fieldErrors(body.errors),
  });
}

/** The API could not be reached (offline, DNS, CORS). */
export const networkError = (cause: unknown): ApiError =>
  new ApiError({ title: 'Network error', detail: '', status: 0, code: 'NETWORK', errors: [] }, { cause });
