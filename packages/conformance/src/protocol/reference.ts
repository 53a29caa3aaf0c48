import { ResolverInputError, resolve } from '@reuse-pref/resolver';
import { findCatalogue, type Statement, type Subject } from '@reuse-pref/schema';
import { createValidator, type Validator, validateHistory } from '@reuse-pref/validator';
import type { HarnessImplementation } from './implementation.js';
import type { FindingOut } from './messages.js';

/**
 * One validator per set of options, kept for the run, as an MIS or a receiver keeps one for a whole
 * file: the reference validator refills one reading per record, so a vector run through a fresh
 * validator could never catch a rule that reads what an earlier record left behind.
 */
const validators = new Map<string, Validator>();
function validatorFor(options: { now?: string } | undefined): Validator {
  // Without a clock the validator takes the time it is made as the present: not one to keep.
  if (options?.now === undefined) return createValidator(options ?? {});
  const key = JSON.stringify(options);
  let validator = validators.get(key);
  if (validator === undefined) {
    validator = createValidator(options);
    validators.set(key, validator);
  }
  return validator;
}

const out = (f: FindingOut): FindingOut => ({ rule: f.rule, pointer: f.pointer, severity: f.severity });

/** @reuse-pref/validator and @reuse-pref/resolver behind the harness interface. */
export const referenceImplementation: HarnessImplementation = {
  name: '@reuse-pref/validator+resolver',
  version: '0.1.0',
  language: 'typescript',
  capabilities: ['validate', 'validate-history', 'resolve'],
  validate({ data, options }) {
    const result = validatorFor(options).validate(data);
    return { valid: result.valid, errors: result.errors.map(out), queries: result.queries.map(out) };
  },
  validateHistory({ data }) {
    const findings = validateHistory(data as Statement[]).map(out);
    const errors = findings.filter((f) => f.severity === 'error');
    return { valid: errors.length === 0, errors, queries: findings.filter((f) => f.severity === 'query') };
  },
  resolve(input) {
    const catalogue = input.catalogueVersion ? findCatalogue(input.catalogueVersion) : undefined;
    if (input.catalogueVersion && !catalogue) throw new Error(`unknown catalogue ${input.catalogueVersion}`);
    let result: ReturnType<typeof resolve>;
    try {
      result = resolve({
        statements: input.statements as Statement[],
        asOf: input.asOf,
        ...(input.subject ? { subject: input.subject as Subject } : {}),
        ...(input.competenceAge !== undefined ? { competenceAge: input.competenceAge } : {}),
        ...(catalogue ? { catalogue } : {}),
      });
    } catch (error) {
      if (!(error instanceof ResolverInputError)) throw error;
      return { refused: { pointer: error.pointer, message: error.message } };
    }
    return {
      subject: result.subject,
      preferences: result.preferences.map((p) => ({
        purpose: p.purpose,
        shared: p.shared,
        value: p.value,
        decidedBy: p.decidedBy,
        default: p.default,
        flags: [...p.flags],
      })),
    };
  },
};
