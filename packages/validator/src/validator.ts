import { Catalogues, isCalendarDate, type PurposeCatalogue, type ValidationResult } from '@reuse-pref/schema';
import { indexCatalogues } from './catalogues.js';
import { Findings } from './findings.js';
import type { Context } from './reading.js';
import { fieldType } from './rules/schema/field-type.js';
import { checkSchema } from './schema-check.js';
import { semanticChecks } from './semantic.js';

export interface ValidatorOptions {
  /** The validator's clock, for "in the future" rules. Default: the time createValidator is called. */
  now?: Date | string;
  /** Census reference date (YYYY-MM-DD): statements expressed after it are rejected from that return. */
  censusDate?: string;
  /** Age at which a pupil is presumed competent to decide. Default 12. */
  competenceAge?: number;
  /** Catalogue versions this receiver knows. Default: every published version. */
  catalogues?: readonly PurposeCatalogue[];
}

export interface Validator {
  /** Every error and query in one record. Never throws, whatever it is given. */
  validate(value: unknown): ValidationResult;
}

function resolveContext(options: ValidatorOptions): Context {
  const now = options.now === undefined ? new Date() : new Date(options.now);
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError('createValidator: `now` is not a valid date-time');
  const { censusDate } = options;
  if (censusDate !== undefined) {
    const ok =
      /^\d{4}-\d\d-\d\d$/.test(censusDate) &&
      isCalendarDate(+censusDate.slice(0, 4), +censusDate.slice(5, 7), +censusDate.slice(8, 10));
    if (!ok) throw new RangeError('createValidator: `censusDate` must be a YYYY-MM-DD date');
  }
  const competenceAge = options.competenceAge ?? 12;
  if (!Number.isInteger(competenceAge) || competenceAge < 0 || competenceAge > 25) {
    throw new RangeError('createValidator: `competenceAge` must be an integer from 0 to 25');
  }
  return {
    nowMs,
    nowDate: now.toISOString().slice(0, 10),
    censusDate,
    competenceAge,
    catalogues: indexCatalogues(options.catalogues ?? Catalogues),
  };
}

/**
 * A validator with its options fixed. The JSON Schema is compiled once per process and the catalogue
 * lookups once per catalogue list, so creating validators is cheap and validate() does no set-up.
 * Throws only on invalid options.
 */
export function createValidator(options: ValidatorOptions = {}): Validator {
  const out = new Findings();
  const checkSemantics = semanticChecks(resolveContext(options), out);
  return {
    validate(value: unknown): ValidationResult {
      try {
        const bad = checkSchema(value, out);
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
          checkSemantics(value as Record<string, unknown>, bad);
        }
        return out.take();
      } catch {
        // Only a JS caller can get here (a throwing getter, a Proxy): such a value is not a JSON
        // statement, which is what field-type says about the whole record.
        out.take();
        out.add(fieldType, '', 'could not be read as a JSON value');
        return out.take();
      }
    },
  };
}
