import type { SubjectLedger } from '@reuse-pref/schema';
import type { Principal } from '../../auth/principal.js';
import { ProblemError, problem } from '../../http/problem.js';
import { json } from '../../http/respond.js';
import { defineOperation } from '../../operation.js';
import { nextIndexCursor, readIndexPage } from '../../paging/index-cursor.js';
import { pupilLedgerKey } from '../../pupils/pupil-key.js';

/**
 * A family's token (`subject:read` + `pupil:{id}`) reads only the pupil it names; `distributor:read`
 * answers subject access requests for anyone. Refused the same way whether or not the pupil has a ledger.
 */
function requirePupil(principal: Principal, pupil: string): void {
  if (principal.scopes.has('distributor:read') || principal.scopes.has(`pupil:${pupil}`)) return;
  throw new ProblemError('forbidden', { detail: `The token has no pupil:${pupil} scope.` });
}

export const getSubjectLedger = defineOperation('getSubjectLedger', {
  method: 'GET',
  path: '/subjects/{pupil}/ledger',
  roles: ['distributor'],
  async handle({ query, params, principal, services }) {
    const pupil = params.pupil;
    const key = pupilLedgerKey(pupil);
    requirePupil(principal, pupil);
    const { from, limit } = readIndexPage(query, services.limits.maxPageSize);
    // Cohorts name pupils by UPN or ULN only, so a school's local id has no ledger here.
    if (key.startsWith('local:')) return problem('not-found', { detail: 'Ledgers are kept by UPN or ULN.' });
    const records = await (await services.releases()).subjectRecords(key, from, limit);
    const id = key.slice(4);
    const ledger: SubjectLedger = {
      subject: key.startsWith('upn:') ? { upn: id } : { uln: id },
      asOf: services.now().toISOString(),
      entries: records.map((r) => r.entry),
      nextCursor: nextIndexCursor(from, records.length, limit),
    };
    return json(200, ledger, { 'cache-control': 'no-store' });
  },
});

export const getSubjectReceipt = defineOperation('getSubjectReceipt', {
  method: 'GET',
  path: '/subjects/{pupil}/ledger/{releaseId}/receipt',
  roles: ['distributor'],
  async handle({ params, principal, services }) {
    const pupil = params.pupil;
    const key = pupilLedgerKey(pupil);
    requirePupil(principal, pupil);
    const archive = await services.releases();
    const receipt = await archive.receipt(key, params.releaseId.toLowerCase(), services.now());
    if (!receipt) return problem('not-found', { detail: 'This release did not consider this pupil.' });
    return json(200, receipt, { 'cache-control': 'no-store' });
  },
});
