import type { ContractOperation } from '../contract/document.js';
import { type ContractViolation, mediaTypeOf } from '../contract/response-check.js';
import type { Planned } from './cases.js';
import type { Answer } from './request.js';

/**
 * Statuses that say something about the state of the server, not about the request: a valid request may
 * get them wherever the operation declares them (what it names may not exist, may have moved on, may be
 * busy). Every other 4xx refuses the request itself, so a valid request may get one only for a rule
 * openapi.yaml states for the operation in `x-rules`.
 */
const STATE_STATUSES = new Set([404, 409, 410, 412, 429, 503]);

export interface Judged {
  /** Why the exchange fails the property, or undefined when it passes. */
  failure?: string;
}

/**
 * The fuzz properties, for one exchange: no 5xx; the response keeps the contract; a valid request is
 * answered 2xx (or 304), or refused only for the state of things or a rule the contract states; an
 * invalid one is refused with a 4xx problem.
 */
export function judge(
  operation: ContractOperation,
  planned: Planned & { basedOnCurrent?: boolean },
  valid: boolean,
  answer: Answer,
  violations: readonly ContractViolation[],
  problemBase: string,
): Judged {
  const status = answer.status;
  const problem = readProblem(answer, problemBase);
  const said = `${status}${problem.type ? ` ${problem.type}` : ''}${problem.detail ? `: ${problem.detail}` : ''}`;
  if (status >= 500) return { failure: `server error: ${said.slice(0, 300)}` };
  if (violations.length > 0) {
    const listed = violations.slice(0, 3).map((v) => `${v.pointer || '(body)'} ${v.message}`);
    return { failure: `the response breaks the contract (${status}): ${listed.join('; ')}` };
  }
  if (!valid) {
    if (status >= 200 && status < 400)
      return { failure: `invalid request accepted with ${status} (${planned.mistake})` };
    if (mediaTypeOf(answer.headers.get('content-type')) !== 'application/problem+json')
      return { failure: `invalid request refused with ${status} but not as application/problem+json` };
    return {};
  }
  if (status < 400) return {};
  if (STATE_STATUSES.has(status)) {
    if (status === 412 && planned.basedOnCurrent) {
      return { failure: `refused as stale (${said}), though If-Match was the ETag just read` };
    }
    return {};
  }
  const stated = operation.rules.find((r) => r.problem === problem.type);
  if (stated && !planned.vouched.includes(stated.problem)) return {};
  const rules = operation.rules.map((r) => r.problem).join(', ') || 'none';
  const why = stated ? `the request was made to keep that rule (${stated.rule})` : `x-rules states: ${rules}`;
  return {
    failure: `valid request refused with ${said.slice(0, 300)}, a reason openapi.yaml does not state for ${operation.operationId} (${why})`,
  };
}

/** The problem's type slug and detail, when the body is one. */
export function readProblem(answer: Answer, base: string): { type?: string; detail?: string } {
  if (!/json/.test(mediaTypeOf(answer.headers.get('content-type')))) return {};
  try {
    const body = JSON.parse(answer.body) as { type?: unknown; detail?: unknown };
    const type = typeof body.type === 'string' ? body.type.replace(base, '') : undefined;
    return {
      ...(type ? { type } : {}),
      ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
    };
  } catch {
    return {};
  }
}
