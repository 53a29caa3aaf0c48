import type { Finding, ValidationResult } from '@reuse-pref/schema';
import { describe, expectTypeOf, it } from 'vitest';
import { createValidator, type RuleId, rules, validateHistory } from '../src/index.js';

describe('public types', () => {
  it('validate takes anything and returns the schema ValidationResult', () => {
    expectTypeOf(createValidator().validate).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(createValidator().validate).returns.toEqualTypeOf<ValidationResult>();
    expectTypeOf(validateHistory).returns.toEqualTypeOf<Finding[]>();
  });

  it('rule ids are a closed union of the table', () => {
    expectTypeOf<'upn-check-letter'>().toExtend<RuleId>();
    expectTypeOf<'no-such-rule'>().not.toExtend<RuleId>();
    expectTypeOf(rules[0].severity).toEqualTypeOf<'error'>();
  });
});
