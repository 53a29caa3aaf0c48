import { statementRule } from '../rule.js';
import { competenceJudged, pupilBasis } from './competence-judged.js';

export const pupilAgeUnknown = statementRule({
  id: 'pupil-age-unknown',
  severity: 'query',
  field: 'subject.dateOfBirth',
  message: 'a pupil statement without a date of birth and without ASSD or PR12',
  why: 'Competence cannot be established, so the statement may not decide anything (resolver rule 2).',
  check(r, report) {
    if (!competenceJudged(r) || r.role !== 'PUP' || pupilBasis(r.competenceBasis) || !r.dateOfBirthMissing) {
      return;
    }
    report('/subject/dateOfBirth', 'no date of birth, and no ASSD or PR12');
  },
});
