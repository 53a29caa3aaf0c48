import type { EffectivePreference, EffectivePreferences, Statement, Subject } from '@reuse-pref/schema';

/**
 * One subject of a cohort, as the distributor holds them: either their statement history (the gate runs
 * the resolver) or effective preferences already resolved. Preferences need only cover the requested
 * purposes, so a bulk store can hand over exactly what the request asks about.
 */
export type CohortMember =
  | { readonly subject: Subject; readonly statements: readonly Statement[] }
  | {
      readonly subject: Subject;
      readonly preferences: Pick<EffectivePreferences, 'preferences'> | readonly EffectivePreference[];
    };

/**
 * The key a ledger is filed under. UPN first because it is the census key; ULN and the MIS id follow
 * for learners without one. Prefixed so that a ULN can never collide with a local id of the same digits.
 */
export function subjectKey(subject: Subject): string {
  if (subject.upn) return `upn:${subject.upn}`;
  if (subject.uln) return `uln:${subject.uln}`;
  if (subject.localId) return `local:${subject.localId}`;
  throw new TypeError('a subject needs a upn, uln or localId');
}
