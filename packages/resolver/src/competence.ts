import type { Statement } from '@reuse-pref/schema';

export const DEFAULT_COMPETENCE_AGE = 12;

/**
 * R5 (spec/v1/resolver.md step 5): whether a pupil statement with this competence basis was competent,
 * given the pupil's age at the written date of its expressedAt (NaN while the date of birth is unknown,
 * R4). Assessed competent (ASSD) at any age; otherwise at or over the competence age; PR12 (presumed
 * competent from 12) stands in for the age only while the date of birth is unknown, because a
 * presumption from age cannot outweigh a known age (decision 0002). The resolver's only statement of
 * R5; the caller has already read the date of birth by R4.
 */
export function isCompetentAt(
  basis: Statement['competenceBasis'],
  ageThen: number,
  competenceAge: number,
): boolean {
  if (basis === 'ASSD') return true;
  return Number.isNaN(ageThen) ? basis === 'PR12' : ageThen >= competenceAge;
}
