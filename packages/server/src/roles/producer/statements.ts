import type { ChangeFeedPage, StatementPage } from '@reuse-pref/schema';
import { problem } from '../../http/problem.js';
import { json } from '../../http/respond.js';
import { defineOperation } from '../../operation.js';
import { pageQuery } from '../../paging/page-query.js';
import { served } from '../../signing/statement-signing.js';

// The receiver serves the read surface too: DfE staff and the demo read what arrived the same way.
const readers = ['producer', 'relay', 'receiver'] as const;

/** A school's statements in the order the server stored them, a page at a time. */
export const listStatements = defineOperation('listStatements', {
  method: 'GET',
  path: '/schools/{urn}/statements',
  roles: readers,
  schoolParam: 'urn',
  async handle({ query, params, services }) {
    const page = await services.store.statements.list(
      params.urn,
      pageQuery(query, services.limits.maxPageSize),
    );
    const items = await Promise.all(page.items.map((i) => served(services, i.statement, i.storedAt)));
    const body: StatementPage = { items, nextCursor: page.nextCursor };
    return json(200, body);
  },
});

/**
 * One statement: the target of the Location header of every statement write. Another
 * school's statement is 404, exactly as if it did not exist.
 */
export const getStatement = defineOperation('getStatement', {
  method: 'GET',
  path: '/schools/{urn}/statements/{statementId}',
  roles: readers,
  schoolParam: 'urn',
  async handle({ params, services }) {
    // The school's own copy: a statement transferred from another school is read here as this school holds it.
    const stored = await services.store.statements.get(params.statementId, params.urn);
    if (!stored) return problem('not-found');
    return json(200, await served(services, stored.statement, stored.storedAt), {
      etag: `"${stored.statement.id.toLowerCase()}"`,
    });
  },
});

/** The change feed: resume from any cursor; an empty page still returns a cursor to poll from. */
export const getChangeFeed = defineOperation('getChangeFeed', {
  method: 'GET',
  path: '/schools/{urn}/changes',
  roles: readers,
  schoolParam: 'urn',
  async handle({ query, params, services }) {
    const pageRequest = pageQuery(query, services.limits.maxPageSize);
    const page = await services.store.statements.changes(params.urn, pageRequest);
    const limit = pageRequest.limit ?? 100;
    const body: ChangeFeedPage = {
      changes: await Promise.all(
        page.items.map(async ({ cursor, storedAt, statement }) => ({
          cursor,
          storedAt,
          statement: await served(services, statement, storedAt),
        })),
      ),
      nextCursor: page.cursor,
      hasMore: page.items.length === limit,
    };
    return json(200, body);
  },
});
