import type { Statement } from '@reuse-pref/schema';
import { ageOn } from './age.js';

export const DEFAULT_COMPETENCE_AGE = 12;

export interface CompetenceContext {
  /** The subject's date of birth, when known (R4). */
  readonly dateOfBirth?: string | undefined;
  readonly competenceAge?: number | undefined;
}

/**
 * R5: a pupil's own statement decides only when the pupil was competent when making it: assessed
 * competent (ASSD), or at or over the competence age at expressedAt. PR12 (presumed at 12) stands in for
 * the age only while the date of birth is unknown: a presumption from age cannot outweigh a known age.
 */
export function isCompetentPupilStatement(statement: Statement, context: CompetenceContext = {}): boolean {
  if (statement.expressedBy.role !== 'PUP') return false;
  const basis = statement.competenceBasis;
  if (basis === 'ASSD') return true;
  const dob = context.dateOfBirth;
  if (dob === undefined) return basis === 'PR12';
  const age = ageOn(dob, statement.expressedAt);
  if (Number.isNaN(age)) return basis === 'PR12';
  return age >= (context.competenceAge ?? DEFAULT_COMPETENCE_AGE);
}
