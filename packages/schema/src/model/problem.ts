import { Type } from '@sinclair/typebox';
import { Finding } from './finding.js';

/** RFC 9457 problem details; `errors` carries validation findings with their rule ids. */
export const ProblemDetailsProperties = {
  type: Type.String({ format: 'uri-reference', default: 'about:blank' }),
  title: Type.String(),
  status: Type.Integer({ minimum: 400, maximum: 599 }),
  detail: Type.Optional(Type.String()),
  instance: Type.Optional(Type.String({ format: 'uri-reference' })),
  errors: Type.Optional(Type.Array(Finding)),
};
