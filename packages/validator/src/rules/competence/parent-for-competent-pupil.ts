import { statementRule } from '../rule.js';
import { competenceJudged, underCompetenceAge } from './competence-judged.js';

export const parentForCompetentPupil = statementRule({
  id: 'parent-for-competent-pupil',
  severity: 'query',
  field: 'competenceBasis',
  message: 'a non-pupil statement for a pupil at or over the competence age, with no competenceBasis (or NA)',
  why: 'A competent pupil holds their own rights (ICO children guidance); a parent should act with AUTH or BINT.',
  check(r, report) {
    if (!competenceJudged(r) || r.role === 'PUP' || r.age === undefined || underCompetenceAge(r)) return;
    if (r.competenceBasis !== undefined && r.competenceBasis !== 'NA') return;
    report(
      '/competenceBasis',
      `pupil was ${r.age} at expressedAt (competence age ${r.context.competenceAge}); expected AUTH or BINT`,
    );
  },
});
