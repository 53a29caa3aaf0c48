import { escapePointerToken } from '../../findings.js';
import { schemaRule } from '../rule.js';

export const unknownField = schemaRule({
  id: 'unknown-field',
  severity: 'error',
  field: '*',
  message: 'the field is not part of the v1 statement',
  why: 'Data minimisation (UK GDPR Art 5(1)(c)): a preference record carries only what the standard defines.',
  keywords: ['additionalProperties'],
  locate(e) {
    const name = escapePointerToken(String((e.params as { additionalProperty: unknown }).additionalProperty));
    return { pointer: `${e.instancePath}/${name}`, detail: 'is not a field of a v1 statement' };
  },
});
