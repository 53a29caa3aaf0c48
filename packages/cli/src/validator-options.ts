import type { ValidatorOptions } from '@reuse-pref/validator';
import { UsageError } from './command.js';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Date.parse rolls 2026-02-30 over to March; a real calendar date survives a round trip. */
function realDate(text: string): boolean {
  const day = text.slice(0, 10);
  const parsed = new Date(`${day}T00:00:00Z`);
  return (
    !Number.isNaN(parsed.getTime()) &&
    parsed.toISOString().slice(0, 10) === day &&
    !Number.isNaN(Date.parse(text))
  );
}

/** Turns --now, --census-date and --competence-age into validator options, rejecting bad values early. */
export function readValidatorOptions(values: {
  now?: string | undefined;
  'census-date'?: string | undefined;
  'competence-age'?: string | undefined;
}): ValidatorOptions {
  const options: ValidatorOptions = {};
  if (values.now !== undefined) {
    if (!DATE_TIME.test(values.now) || !realDate(values.now)) {
      throw new UsageError(
        `--now must be an RFC 3339 date-time such as 2026-11-01T00:00:00Z, not '${values.now}'`,
      );
    }
    options.now = values.now;
  }
  const census = values['census-date'];
  if (census !== undefined) {
    if (!DATE.test(census) || !realDate(census)) {
      throw new UsageError(`--census-date must be a date such as 2027-01-21, not '${census}'`);
    }
    options.censusDate = census;
  }
  const age = values['competence-age'];
  if (age !== undefined) {
    if (!/^\d{1,2}$/.test(age) || Number(age) > 25) {
      throw new UsageError(`--competence-age must be a whole number of years from 0 to 25, not '${age}'`);
    }
    options.competenceAge = Number(age);
  }
  return options;
}
