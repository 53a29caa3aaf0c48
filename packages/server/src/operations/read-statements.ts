import type { ChangeFeedPage, StatementPage } from '@reuse-pref/schema';
import { problem } from '../http/problem.js';
import { json } from '../http/respond.js';
import type { Operation } from '../operation.js';
import { pageQuery } from './page-query.js';

// The receiver serves the read surface too: DfE staff and the demo read what arrived the same way.
const readers = ['producer', 'relay', 'receiver'] as const;

/** A school's statements in the order the server stored them, a page at a time. */
export const listStatements: Operation = {
  operationId: 'listStatements',
  method: 'GET',
  path: '/schools/{urn}/statements',
  roles: readers,
  scope: 'producer:read',
  schoolParam: 'urn',
  async handle({ request, params, services }) {
    const page = await services.store.statements.list(
      params.urn!,
      pageQuery(request.query, services.limits.maxPageSize),
    );
    const body: StatementPage = { items: page.items.map((i) => i.statement), nextCursor: page.nextCursor };
    return json(200, body);
  },
};

/**
 * One statement: the target of the Location header of every statement write. Another
 * school's statement is 404, exactly as if it did not exist.
 */
export const getStatement: Operation = {
  operationId: 'getStatement',
  method: 'GET',
  path: '/schools/{urn}/statements/{statementId}',
  roles: readers,
  scope: 'producer:read',
  schoolParam: 'urn',
  async handle({ params, services }) {
    const stored = await services.store.statements.get(params.statementId!);
    if (!stored || stored.statement.setting.urn !== params.urn) return problem('not-found');
    return json(200, stored.statement, { etag: `"${stored.statement.id.toLowerCase()}"` });
  },
};

/** The change feed: resume from any cursor; an empty page still returns a cursor to poll from. */
export const getChangeFeed: Operation = {
  operationId: 'getChangeFeed',
  method: 'GET',
  path: '/schools/{urn}/changes',
  roles: readers,
  scope: 'producer:read',
  schoolParam: 'urn',
  async handle({ request, params, services }) {
    const pageRequest = pageQuery(request.query, services.limits.maxPageSize);
    const page = await services.store.statements.changes(params.urn!, pageRequest);
    const limit = pageRequest.limit ?? 100;
    const body: ChangeFeedPage = {
      changes: page.items.map(({ cursor, storedAt, statement }) => ({ cursor, storedAt, statement })),
      nextCursor: page.cursor,
      hasMore: page.items.length === limit,
    };
    return json(200, body);
  },
};
