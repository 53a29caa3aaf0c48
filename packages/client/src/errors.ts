import { type ProblemType, problemTypeOf } from '@reuse-pref/contract';
import type { ProblemDetails } from './types.js';

/** Any failure this client reports; `instanceof` tells the kinds apart. */
export class ReusePrefError extends Error {
  override name = 'ReusePrefError';
}

/**
 * The server answered with a problem (RFC 9457). `ruleIds` lists the validation rules that fired (in the
 * problem's `errors`, and for a rejected batch in each record's findings), so a caller can map them to
 * its own screens without parsing messages.
 */
export class ReusePrefProblemError extends ReusePrefError {
  override name = 'ReusePrefProblemError';
  readonly status: number;
  readonly problem: ProblemDetails;
  readonly ruleIds: string[];
  readonly headers: Headers;
  /** Milliseconds the server asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(status: number, problem: ProblemDetails, headers: Headers, retryAfterMs?: number) {
    super(`${status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`);
    this.status = status;
    this.problem = problem;
    this.headers = headers;
    this.retryAfterMs = retryAfterMs;
    this.ruleIds = [...new Set([...(problem.errors ?? []), ...recordFindings(problem)].map((f) => f.rule))];
  }

  /** The problem type's last path segment, e.g. `validation-failed`, whoever defined the type. */
  get kind(): string {
    return problemKind(this.problem.type);
  }

  /**
   * The contract's problem type (`validation-failed`, `precondition-failed`...), or undefined when the
   * answer is not one of ours (a proxy's HTML page, another API's type). Typed, so comparing it with a
   * misspelt slug is a compile error.
   */
  get problemType(): ProblemType | undefined {
    return problemTypeOf(this.problem.type);
  }
}

/** A problem type URI's last path segment, e.g. `validation-failed`. */
export function problemKind(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

/** The request did not finish within its timeout (each attempt gets the full timeout). */
export class ReusePrefTimeoutError extends ReusePrefError {
  override name = 'ReusePrefTimeoutError';
}

/** No HTTP response at all (DNS, connection reset, CORS), after any retries. */
export class ReusePrefNetworkError extends ReusePrefError {
  override name = 'ReusePrefNetworkError';
}

/** The token endpoint refused the client credentials (RFC 6749 §5.2 error). */
export class ReusePrefAuthError extends ReusePrefError {
  override name = 'ReusePrefAuthError';
  readonly status: number;
  readonly error: string | undefined;
  constructor(status: number, error: string | undefined, description: string | undefined) {
    super(
      `token request failed (${status})${error ? `: ${error}` : ''}${description ? ` ${description}` : ''}`,
    );
    this.status = status;
    this.error = error;
  }
}

/** A rejected batch (`batch-rejected`) reports its findings per record, in `batch.outcomes`. */
function recordFindings(problem: ProblemDetails): { rule: string }[] {
  const outcomes = (problem as { batch?: { outcomes?: unknown } }).batch?.outcomes;
  if (!Array.isArray(outcomes)) return [];
  return outcomes.flatMap((o: { findings?: unknown }) =>
    Array.isArray(o?.findings) ? (o.findings as unknown[]).filter(hasRule) : [],
  );
}

const hasRule = (f: unknown): f is { rule: string } =>
  typeof f === 'object' && f !== null && typeof (f as { rule?: unknown }).rule === 'string';
