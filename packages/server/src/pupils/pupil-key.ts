import { pupilQuery } from './pupil-ref.js';

/** The `{pupil}` path parameter as a ledger key, in subjectKey's form: `upn:...`, `uln:...` or `local:...`. */
export function pupilLedgerKey(pupil: string): string {
  const query = pupilQuery(pupil, '');
  if (query.upn) return `upn:${query.upn}`;
  if (query.uln) return `uln:${query.uln}`;
  return `local:${query.localId}`;
}
