import { compareStatements, resolve } from '@reuse-pref/resolver';
import type { PupilPreferences, Statement, StatementPage, StatementReceipt } from '@reuse-pref/schema';
import type { PupilQuery, StoredStatement } from '@reuse-pref/store';
import { requireIfMatch } from '../http/etag.js';
import { parseJson } from '../http/parse-json.js';
import { ProblemError, problem } from '../http/problem.js';
import { empty, json } from '../http/respond.js';
import type { Operation, Services } from '../operation.js';
import { checkStatement } from './check-statement.js';
import { pupilEtag } from './pupil-etag.js';
import { isAbout, pupilQuery } from './pupil-ref.js';

const readers = ['producer', 'relay', 'receiver'] as const;
const writers = ['producer', 'relay'] as const;

async function history(services: Services, query: PupilQuery): Promise<Statement[]> {
  return aboutPupil(await services.store.statements.pupilHistory(query), query);
}

/** The store matches any shared identifier; the path names one key, and only that key counts. */
function aboutPupil(stored: readonly StoredStatement[], query: PupilQuery): Statement[] {
  return stored.map((s) => s.statement).filter((s) => isAbout(s, query));
}

/** A pupil's history in the resolver's order (expressedAt, ties by id), a page at a time. */
export const listPupilStatements: Operation = {
  operationId: 'listPupilStatements',
  method: 'GET',
  path: '/schools/{urn}/pupils/{pupil}/statements',
  roles: readers,
  scope: 'producer:read',
  schoolParam: 'urn',
  async handle({ request, params, services }) {
    const statements = (await history(services, pupilQuery(params.pupil!, params.urn!))).sort(
      compareStatements,
    );
    if (statements.length === 0) return problem('not-found', { detail: 'No such pupil at this school.' });
    const limit = Number(request.query.get('limit') ?? 100);
    if (!Number.isInteger(limit) || limit < 1 || limit > services.limits.maxPageSize) {
      throw new ProblemError('bad-request', {
        detail: `limit must be an integer from 1 to ${services.limits.maxPageSize}.`,
      });
    }
    const cursor = request.query.get('cursor');
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
};

/**
 * Effective preferences from the shared resolver, evaluated now or at `?asOf=`. The ETag versions the
 * statement set (see pupilEtag), so If-None-Match polling is cheap and If-Match guards a change.
 */
export const getPupilPreferences: Operation = {
  operationId: 'getPupilPreferences',
  method: 'GET',
  path: '/schools/{urn}/pupils/{pupil}/preferences',
  roles: readers,
  scope: 'producer:read',
  schoolParam: 'urn',
  async handle({ request, params, services }) {
    const urn = params.urn!;
    const pupil = params.pupil!;
    const statements = await history(services, pupilQuery(pupil, urn));
    if (statements.length === 0) return problem('not-found', { detail: 'No such pupil at this school.' });
    const asOfParam = request.query.get('asOf');
    if (asOfParam !== null && Number.isNaN(Date.parse(asOfParam))) {
      throw new ProblemError('bad-request', { detail: 'asOf must be an RFC 3339 date-time.' });
    }
    const etag = pupilEtag(statements);
    if (request.headers['if-none-match'] === etag && asOfParam === null) return empty(304, { etag });
    // No subject: the resolver takes the date of birth from the statements, latest in R3 order (R4).
    const effective = resolve({
      statements,
      asOf: asOfParam ?? services.now().toISOString(),
      competenceAge: services.competenceAge,
    });
    const latest = [...statements].sort(compareStatements).at(-1);
    const body: PupilPreferences = {
      urn,
      pupil,
      statementCount: statements.length,
      latestStatementId: latest?.id ?? null,
      effective,
    };
    return json(200, body, { etag });
  },
};

/**
 * A change made against the preference set the caller last saw: If-Match must be that set's ETag.
 * Missing is 428, stale is 412 with the current ETag, and in both cases nothing is stored.
 */
export const recordPupilStatement: Operation = {
  operationId: 'recordPupilStatement',
  method: 'POST',
  path: '/schools/{urn}/pupils/{pupil}/statements',
  roles: writers,
  scope: 'producer:write',
  schoolParam: 'urn',
  idempotent: true,
  body: { types: ['application/json'], limit: 'maxBodyBytes' },
  async handle({ request, body, params, services }) {
    const urn = params.urn!;
    const query = pupilQuery(params.pupil!, urn);
    const ifMatch = requireIfMatch(request.headers['if-match']);
    const value = parseJson(body, { maxDepth: services.limits.maxDepth });
    const checked = checkStatement(services.validator(), value, urn);
    if (!checked.ok) {
      return problem('validation-failed', {
        detail: `${checked.errors.length} error(s); nothing was stored.`,
        errors: [...checked.errors, ...checked.queries],
      });
    }
    if (!isAbout(checked.statement, query)) {
      return problem('validation-failed', {
        detail: 'The statement is not about the pupil in the path; nothing was stored.',
        errors: [
          {
            rule: 'pupil-mismatch',
            severity: 'error',
            pointer: '/subject',
            message: 'subject: does not name the pupil in the request path',
          },
        ],
      });
    }
    // Read, compare and append are one store transaction that no other append to this school can
    // interleave with, in this process or another on the same database: two writers holding the same
    // ETag cannot both succeed.
    let before: Statement[] = [];
    const appended = await services.store.statements.appendIf(checked.statement, query, (stored) => {
      before = aboutPupil(stored, query);
      const current = pupilEtag(before);
      return ifMatch === '*' ? before.length > 0 : ifMatch === current;
    });
    if (appended.outcome === 'refused') {
      return problem('precondition-failed', {
        detail: 'If-Match does not match the current ETag; re-read and retry.',
        headers: { etag: pupilEtag(before) },
      });
    }
    const stored = await services.store.statements.get(appended.id);
    const after = before.some((s) => s.id === appended.id) ? before : [...before, checked.statement];
    const receipt: StatementReceipt = {
      statementId: appended.id,
      outcome: appended.outcome,
      storedAt: stored?.storedAt ?? services.now().toISOString(),
      queries: checked.queries,
    };
    return json(appended.outcome === 'stored' ? 201 : 200, receipt, {
      etag: pupilEtag(after),
      location: `/schools/${urn}/statements/${appended.id}`,
    });
  },
};
