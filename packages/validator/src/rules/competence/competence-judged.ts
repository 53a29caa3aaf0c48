import type { Reading } from '../../reading.js';

/**
 * Competence is judged only on a statement whose role was read and whose competenceBasis, if any, was
 * read too: a basis the schema rejected leaves the question open, and nothing more is said about it.
 */
export const competenceJudged = (r: Reading): r is Reading & { role: string } =>
  r.role !== undefined && !r.competenceBasisUnread;

/** The pupil was under the competence age at expressedAt, as far as the record shows. */
export const underCompetenceAge = (r: Reading): boolean =>
  r.age !== undefined && r.age < r.context.competenceAge;

/** ASSD or PR12: the statement says why the pupil may decide, so age rules do not query it. */
export const pupilBasis = (basis: string | undefined): boolean => basis === 'ASSD' || basis === 'PR12';
