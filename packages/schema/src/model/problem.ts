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
  findingsOmitted: Type.Optional(
    Type.Integer({
      minimum: 1,
      description:
        "Findings left out of `errors` (or, for a rejected batch, of the records' findings) because a " +
        'server lists at most so many per record and per batch; present only when some were left out',
    }),
  ),
};
