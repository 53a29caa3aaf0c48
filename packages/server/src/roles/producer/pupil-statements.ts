import { compareStatements } from '@reuse-pref/resolver';
import type { Statement, StatementPage } from '@reuse-pref/schema';
import { readWritePrecondition, type WritePrecondition } from '../../http/etag.js';
import { ProblemError, problem } from '../../http/problem.js';
import { json } from '../../http/respond.js';
import { defineOperation } from '../../operation.js';
import { aboutPupil, pupilHistory } from '../../pupils/pupil-history.js';
import { isAbout, pupilQuery } from '../../pupils/pupil-ref.js';
import { acceptStatement, statementLocation } from '../../statements/accept-statement.js';
import { pupilEtag } from './pupil-etag.js';

const readers = ['producer', 'relay', 'receiver'] as const;
const writers = ['producer', 'relay'] as const;

/** A pupil's history in the resolver's order (expressedAt, ties by id), a page at a time. */
export const listPupilStatements = defineOperation('listPupilStatements', {
  method: 'GET',
  path: '/schools/{urn}/pupils/{pupil}/statements',
  roles: readers,
  schoolParam: 'urn',
  async handle({ query, params, services }) {
    const statements = (await pupilHistory(services, pupilQuery(params.pupil, params.urn))).sort(
      compareStatements,
    );
    if (statements.length === 0) return problem('not-found', { detail: 'No such pupil at this school.' });
    const limit = Number(query.get('limit') ?? 100);
    if (!Number.isInteger(limit) || limit < 1 || limit > services.limits.maxPageSize) {
      throw new ProblemError('bad-request', {
        detail: `limit must be an integer from 1 to ${services.limits.maxPageSize}.`,
      });
    }
    const cursor = query.get('cursor');
    let start = 0;
    if (cursor !== null) {
      const after = /^[A-Za-z0-9_-]{1,512}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString() : '';
      const index = statements.findIndex((s) => s.id === after);
      if (index < 0)
        throw new ProblemError('bad-request', { detail: 'cursor is not one this server issued' });
      start = index + 1;
    }
    const items = statements.slice(start, start + limit);
    const more = start + limit < statements.length;
    const body: StatementPage = {
      items,
      nextCursor: more ? Buffer.from(items[items.length - 1]!.id).toString('base64url') : null,
    };
    return json(200, body);
  },
});

/**
 * A change made against the preference set the caller last saw: If-Match must be that set's ETag, or
 * `If-None-Match: *` for a pupil with no statement yet (the office's first entry for a new pupil).
 * Neither is 428; a precondition that does not hold is 412 with the current ETag; nothing is stored.
 * A statement already held is a `duplicate` (200) whatever the precondition: a retry after a lost
 * response must not be told its own write made the ETag stale.
 */
export const recordPupilStatement = defineOperation('recordPupilStatement', {
  method: 'POST',
  path: '/schools/{urn}/pupils/{pupil}/statements',
  roles: writers,
  schoolParam: 'urn',
  idempotent: true,
  body: { types: ['application/json'], limit: 'maxBodyBytes' },
  async handle(context) {
    const { request, params, services } = context;
    const { urn } = params;
    const query = pupilQuery(params.pupil, urn);
    const precondition = readWritePrecondition(request.headers);
    let before: Statement[] = [];
    const accepted = await acceptStatement(context, {
      urn,
      also: (statement) => (isAbout(statement, query) ? undefined : notThisPupil),
      // Read, compare and append are one store transaction that no other append to this school can
      // interleave with, in this process or another on the same database: two writers holding the same
      // ETag cannot both succeed.
      append: (statement) =>
        services.store.statements.appendIf(statement, query, (stored) => {
          before = aboutPupil(stored, query);
          // Already held: the store answers duplicate (or 409 for other content), never 412.
          const id = statement.id.toLowerCase();
          if (before.some((s) => s.id.toLowerCase() === id)) return true;
          switch (precondition.kind) {
            case 'etag':
              return before.length > 0 && precondition.etag === pupilEtag(before);
            case 'exists':
              return before.length > 0;
            case 'absent':
              return before.length === 0;
            case 'unsatisfiable':
              return false;
          }
        }),
    });
    if (accepted.outcome === 'rejected') return accepted.response;
    if (accepted.outcome === 'refused') {
      // The current ETag goes with the refusal only when there is a current preference set to name.
      return problem('precondition-failed', {
        detail: refusal[precondition.kind],
        headers: before.length > 0 ? { etag: pupilEtag(before) } : {},
      });
    }
    const { statement, receipt } = accepted;
    const after = before.some((s) => s.id === statement.id) ? before : [...before, statement];
    const headers = { etag: pupilEtag(after), location: statementLocation(urn, receipt.statementId) };
    if (accepted.outcome === 'stored') return json(201, receipt, headers);
    return json(200, receipt, headers);
  },
});

const refusal: Record<WritePrecondition['kind'], string> = {
  etag: 'If-Match does not match the current ETag; re-read and retry.',
  exists: 'If-Match: * but the pupil has no statement here; create the first with If-None-Match: *.',
  absent: 'If-None-Match: * but the pupil already has statements; re-read and send If-Match.',
  unsatisfiable: 'If-Match and If-None-Match: * cannot both hold; send one.',
};

const notThisPupil = {
  detail: 'The statement is not about the pupil in the path; nothing was stored.',
  errors: [
    {
      rule: 'pupil-mismatch',
      severity: 'error' as const,
      pointer: '/subject',
      message: 'subject: does not name the pupil in the request path',
    },
  ],
};
