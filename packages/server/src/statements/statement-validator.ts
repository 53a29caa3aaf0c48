import type { ValidationResult } from '@reuse-pref/schema';

/** Checks one parsed record; the standard one is @reuse-pref/validator, a vendor may add local rules. */
export interface StatementValidator {
  validate(value: unknown): ValidationResult;
}
