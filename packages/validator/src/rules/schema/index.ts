import { choicesCount } from './choices-count.js';
import { fieldFormat } from './field-format.js';
import { fieldLength } from './field-length.js';
import { fieldPattern } from './field-pattern.js';
import { fieldRequired } from './field-required.js';
import { fieldType } from './field-type.js';
import { subjectIdentifierMissing } from './subject-identifier-missing.js';
import { unknownCode } from './unknown-code.js';
import { unknownField } from './unknown-field.js';

/**
 * Schema rules: each maps one kind of JSON Schema failure, so every implementation reports the same id
 * whatever JSON Schema library it uses (validation.md 3). In table order.
 */
export const schemaRules = [
  fieldRequired,
  fieldType,
  fieldFormat,
  fieldPattern,
  unknownCode,
  unknownField,
  fieldLength,
  choicesCount,
  subjectIdentifierMissing,
] as const;
