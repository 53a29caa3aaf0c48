// A school's change feed served from a list, with cursors that encode a position as a real server's might.
import { HttpResponse, http } from 'msw';
import type { ChangeFeedEntry, Statement } from '../../src/index.js';
import { example } from './contract.js';
import { authorised, baseUrl, problem } from './server.js';

export function statements(count: number): Statement[] {
  return Array.from({ length: count }, (_, i) => {
    const statement = example<Statement>('StatementParent');
    statement.id = `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
    return statement;
  });
}

const cursorAt = (position: number) => btoa(`seq:${position}`).replace(/=+$/, '');
const positionOf = (cursor: string | null) => (cursor ? Number(atob(cursor).slice(4)) : 0);

/**
 * Serves `stored` as the feed for school 100000. `fail(request number)` returning a Response makes that
 * request fail (the count includes retries), so tests can break the feed at an exact point.
 */
export function feedHandler(
  stored: Statement[],
  fail: (request: number) => Response | undefined = () => undefined,
) {
  let requests = 0;
  return http.get(`${baseUrl}/schools/100000/changes`, ({ request }) => {
    requests++;
    const failure = fail(requests);
    if (failure) return failure;
    if (!authorised(request)) return problem('ProblemUnauthorized', 401);
    const url = new URL(request.url);
    const from = positionOf(url.searchParams.get('cursor'));
    const limit = Number(url.searchParams.get('limit') ?? 100);
    const changes: ChangeFeedEntry[] = stored.slice(from, from + limit).map((statement, i) => ({
      cursor: cursorAt(from + i + 1),
      storedAt: '2026-09-04T10:02:12Z',
      statement,
    }));
    const next = from + changes.length;
    return HttpResponse.json({ changes, nextCursor: cursorAt(next), hasMore: next < stored.length });
  });
}
