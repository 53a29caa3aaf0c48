import type { Statement } from '@reuse-pref/schema';
import { InvalidRequestError } from '../errors.js';
import type { PupilQuery } from '../ports/statements.js';

/** A guarded append locks the statement's school, so the history it reads must be that school's. */
export function checkGuardQuery(statement: Statement, query: PupilQuery): void {
  checkPupilQuery(query);
  if (query.urn !== statement.setting.urn) {
    throw new InvalidRequestError("a guarded append needs query.urn to be the statement's setting.urn");
  }
}

export function checkPupilQuery(query: PupilQuery): void {
  if (query.upn === undefined && query.uln === undefined && query.localId === undefined) {
    throw new InvalidRequestError('a pupil query needs a upn, a uln or a localId');
  }
  if (query.localId !== undefined && query.urn === undefined) {
    throw new InvalidRequestError('a localId identifies a pupil only within a school: give its urn');
  }
}
