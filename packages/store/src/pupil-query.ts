import { InvalidRequestError } from './errors.js';
import type { PupilQuery } from './types.js';

export function checkPupilQuery(query: PupilQuery): void {
  if (query.upn === undefined && query.uln === undefined && query.localId === undefined) {
    throw new InvalidRequestError('a pupil query needs a upn, a uln or a localId');
  }
  if (query.localId !== undefined && query.urn === undefined) {
    throw new InvalidRequestError('a localId identifies a pupil only within a school: give its urn');
  }
}
