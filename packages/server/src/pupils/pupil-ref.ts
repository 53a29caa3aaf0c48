import type { Statement } from '@reuse-pref/schema';
import type { PupilQuery } from '@reuse-pref/store';
import { ProblemError } from '../http/problem.js';

const UPN = /^[A-HJ-NP-RT-Z][0-9]{11}[0-9A-HJ-NP-RT-Z]$/;
const ULN = /^[0-9]{10}$/;
const LOCAL = 'local:';

/** The `{pupil}` path segment (openapi.yaml Pupil): a UPN, a ULN, or `local:` + the MIS local id. */
export function pupilQuery(pupil: string, urn: string): PupilQuery {
  if (UPN.test(pupil)) return { upn: pupil, urn };
  if (ULN.test(pupil)) return { uln: pupil, urn };
  if (pupil.startsWith(LOCAL) && pupil.length > LOCAL.length)
    return { localId: pupil.slice(LOCAL.length), urn };
  throw new ProblemError('bad-request', {
    detail: 'The pupil must be a UPN, a ULN, or local: followed by the school’s local id.',
  });
}

/** Whether a statement is about the pupil the path names (the key the path used must match). */
export function isAbout(statement: Statement, query: PupilQuery): boolean {
  const { subject } = statement;
  if (query.upn !== undefined) return subject.upn === query.upn;
  if (query.uln !== undefined) return subject.uln === query.uln;
  return subject.localId === query.localId;
}
