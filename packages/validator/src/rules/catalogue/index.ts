import { catalogueVersionUnknown } from './catalogue-version-unknown.js';
import { purposeRepeated } from './purpose-repeated.js';
import { purposeTakesNoChoice } from './purpose-takes-no-choice.js';
import { purposeUnknown } from './purpose-unknown.js';
import { valueNotAllowedForKind } from './value-not-allowed-for-kind.js';

/** The choices against the purpose catalogue (validation.md 6). */
export const catalogueRules = [
  catalogueVersionUnknown,
  purposeUnknown,
  purposeTakesNoChoice,
  valueNotAllowedForKind,
  purposeRepeated,
] as const;
