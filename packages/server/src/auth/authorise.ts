import { ProblemError } from '../http/problem.js';
import { mayTouchSchool, type Principal } from './principal.js';

/**
 * An operation needs its role scope and, for a school's resources, that school's scope. Both failures are
 * 403 whatever the school: the answer depends on the token only, so it reveals nothing about whether the
 * school or pupil exists here.
 */
export function authorise(
  scope: string | readonly string[],
  urn: string | undefined,
  principal: Principal,
): void {
  const anyOf: readonly string[] = typeof scope === 'string' ? [scope] : scope;
  if (!anyOf.some((s) => principal.scopes.has(s))) {
    throw new ProblemError('forbidden', { detail: `The token has no ${anyOf.join(' or ')} scope.` });
  }
  if (urn !== undefined) requireSchool(urn, principal);
}

export function requireSchool(urn: string, principal: Principal): void {
  if (!mayTouchSchool(principal, urn)) {
    throw new ProblemError('school-not-in-scope', { detail: `The token has no school:${urn} scope.` });
  }
}
