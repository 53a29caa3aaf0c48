import { competenceBasisWrongRole } from './competence-basis-wrong-role.js';
import { parentForCompetentPupil } from './parent-for-competent-pupil.js';
import { presumptionUnderAge } from './presumption-under-age.js';
import { pupilAgeUnknown } from './pupil-age-unknown.js';
import { pupilUnderCompetenceAge } from './pupil-under-competence-age.js';

/** Who spoke, at what age, on what basis (resolver rules R5, R8). */
export const competenceRules = [
  pupilUnderCompetenceAge,
  presumptionUnderAge,
  pupilAgeUnknown,
  parentForCompetentPupil,
  competenceBasisWrongRole,
] as const;
