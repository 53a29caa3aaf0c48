import { escapePointerToken } from '../../findings.js';
import { schemaRule } from '../rule.js';

export const fieldRequired = schemaRule({
  id: 'field-required',
  severity: 'error',
  field: '*',
  message: 'a required field is missing',
  why: 'The v1 statement schema requires it; a statement without it cannot be resolved or audited.',
  keywords: ['required'],
  locate(e) {
    // Each branch of subject's anyOf reports a missing field; subject-identifier-missing says it once.
    if (e.schemaPath.includes('/anyOf/')) return undefined;
    const missing = escapePointerToken(String((e.params as { missingProperty: unknown }).missingProperty));
    return { pointer: `${e.instancePath}/${missing}`, detail: 'required field is missing' };
  },
});
