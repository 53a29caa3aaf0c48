import { type Static, Type } from '@sinclair/typebox';
import { Severity } from './codes.js';

export const RuleId = Type.String({
  pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
  description: 'Stable validation rule id',
});

export const Finding = Type.Object(
  {
    rule: RuleId,
    severity: Severity,
    pointer: Type.String({ description: 'RFC 6901 JSON pointer to the field, "" for the whole record' }),
    message: Type.String({ minLength: 1, description: 'Names the field and the rule' }),
  },
  { additionalProperties: false },
);

export const ValidationResultProperties = {
  valid: Type.Boolean({ description: 'True when there are no errors (queries allowed)' }),
  errors: Type.Array(Finding),
  queries: Type.Array(Finding),
};

export type Finding = Static<typeof Finding>;
