import { dateOfBirthImplausible } from './date-of-birth-implausible.js';
import { dateOfBirthInFuture } from './date-of-birth-in-future.js';
import { expressedAfterCensusDate } from './expressed-after-census-date.js';
import { expressedAtInFuture } from './expressed-at-in-future.js';
import { expressedBeforeBirth } from './expressed-before-birth.js';
import { recordedAtInFuture } from './recorded-at-in-future.js';
import { recordedBeforeExpressed } from './recorded-before-expressed.js';

/** Times, dates and ages (validation.md 5). */
export const dateRules = [
  dateOfBirthInFuture,
  dateOfBirthImplausible,
  expressedBeforeBirth,
  expressedAtInFuture,
  expressedAfterCensusDate,
  recordedAtInFuture,
  recordedBeforeExpressed,
] as const;
