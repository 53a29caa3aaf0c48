import { statementRule } from '../rule.js';
import { competenceJudged, underCompetenceAge } from './competence-judged.js';

export const presumptionUnderAge = statementRule({
  id: 'presumption-under-age',
  severity: 'error',
  field: 'competenceBasis',
  message: 'PR12 on a pupil statement, but the pupil was under the competence age at expressedAt',
  why: 'The presumption of competence at 12 (DPA 2018 s208 in Scotland, ICO guidance) cannot apply below that age.',
  check(r, report) {
    if (!competenceJudged(r) || r.role !== 'PUP' || r.competenceBasis !== 'PR12' || !underCompetenceAge(r)) {
      return;
    }
    report(
      '/competenceBasis',
      `PR12 but the pupil was ${r.age} at expressedAt, under ${r.context.competenceAge}`,
    );
  },
});
