import { statementRule } from '../rule.js';
import { competenceJudged, pupilBasis, underCompetenceAge } from './competence-judged.js';

export const pupilUnderCompetenceAge = statementRule({
  id: 'pupil-under-competence-age',
  severity: 'query',
  field: 'expressedBy.role',
  message: 'a pupil statement for a pupil under the competence age, without ASSD (or PR12)',
  why: 'Resolver rule 2: kept but not deciding; staff should assess competence (ICO children guidance, Gillick).',
  check(r, report) {
    if (!competenceJudged(r) || r.role !== 'PUP' || pupilBasis(r.competenceBasis) || !underCompetenceAge(r)) {
      return;
    }
    report(
      '/expressedBy/role',
      `pupil was ${r.age} at expressedAt, under ${r.context.competenceAge}, and competence was not assessed (ASSD)`,
    );
  },
});
