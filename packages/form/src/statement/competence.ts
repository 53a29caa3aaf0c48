import type { CompetenceBasis } from './codes.js';
import type { RespondentRole } from './respondent.js';

/** What someone answering for a pupil who can usually decide says about why they answer. */
export type CompetenceAnswer = 'AUTH' | 'BINT' | 'none';

export const COMPETENCE_ANSWERS: readonly CompetenceAnswer[] = ['AUTH', 'BINT', 'none'];

/**
 * Whether the form must ask someone other than the pupil why they answer: only when the pupil is at or
 * over the competence age, because then the pupil holds the right (resolver rule 2) and a parent's
 * statement decides only with the child's authority (AUTH) or in their best interests (BINT). With no
 * date of birth the form cannot tell, and asks nothing.
 */
export function asksCompetence(
  role: RespondentRole,
  age: number | undefined,
  competenceAge: number,
): boolean {
  return role !== 'PUP' && age !== undefined && age >= competenceAge;
}

/**
 * The competenceBasis the statement carries. A pupil at or over the competence age is presumed competent
 * (PR12); a younger pupil's answer carries none, so it is kept and queried but does not decide (the form
 * cannot assess competence: ASSD is for school staff). Someone else carries AUTH or BINT only when asked
 * and they said so; otherwise none, and the receiver's query flags it.
 */
export function competenceBasisFor(
  role: RespondentRole,
  age: number | undefined,
  competenceAge: number,
  answer: CompetenceAnswer | undefined,
): CompetenceBasis | undefined {
  if (role === 'PUP') return age !== undefined && age >= competenceAge ? 'PR12' : undefined;
  if (!asksCompetence(role, age, competenceAge)) return undefined;
  return answer === 'AUTH' || answer === 'BINT' ? answer : undefined;
}
