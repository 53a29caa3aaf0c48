import { notificationFilter } from '@reuse-pref/release';
import { Catalogues, type RecipientsToNotify, type SubjectLedger } from '@reuse-pref/schema';
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

const KNOWN_PURPOSES = new Set(Catalogues.flatMap((c) => c.purposes.map((p) => p.code)));

/**
 * Art 19: whom to tell of a later objection. The whole ledger is read (a page at a time): a pupil's ledger
 * holds one entry per release that considered them, which stays small next to a cohort.
 */
export const listRecipientsToNotify = defineOperation('listRecipientsToNotify', {
  method: 'GET',
  path: '/subjects/{pupil}/recipients-to-notify',
  roles: ['distributor'],
  async handle({ query, params, principal, services }) {
    const pupil = params.pupil;
    const key = pupilLedgerKey(pupil);
    requirePupil(principal, pupil);
    const objectionAt = query.get('objectionAt');
    if (objectionAt === null || !RFC3339.test(objectionAt) || Number.isNaN(Date.parse(objectionAt)))
      throw new ProblemError('bad-request', { detail: 'objectionAt must be an RFC 3339 date-time.' });
    // Every item must be a purpose code (openapi.yaml: form style, items ^[A-Z]{4}$): `STAT,` is refused.
    const purposes = query.get('purposes')?.split(',') ?? [];
    const unknown = purposes.find((p) => !KNOWN_PURPOSES.has(p));
    if (purposes.length === 0 || purposes.length > 20 || unknown !== undefined)
      throw new ProblemError('bad-request', {
        detail:
          unknown !== undefined
            ? `purposes: "${unknown}" is not a purpose code of any published catalogue.`
            : 'purposes must name 1 to 20 purpose codes, comma-separated.',
      });
    if (key.startsWith('local:')) return problem('not-found', { detail: 'Ledgers are kept by UPN or ULN.' });
    const select = notificationFilter(objectionAt, purposes);
    const archive = await services.releases();
    const recipients: RecipientsToNotify['recipients'] = [];
    const pageSize = services.limits.maxPageSize;
    for (let from = 0; ; from += pageSize) {
      const records = await archive.subjectRecords(key, from, pageSize);
      for (const record of records) {
        const found = select(record.entry);
        if (found) recipients.push({ ...found, purposes: [...found.purposes] });
      }
      if (records.length < pageSize) break;
    }
    const id = key.slice(4);
    const body: RecipientsToNotify = {
      subject: key.startsWith('upn:') ? { upn: id } : { uln: id },
      objectionAt,
      purposes,
      recipients,
    };
    return json(200, body, { 'cache-control': 'no-store' });
  },
});

const RFC3339 =
  /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$/i;
