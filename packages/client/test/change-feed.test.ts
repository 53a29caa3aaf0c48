import { HttpResponse, http } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ReusePrefProblemError } from '../src/index.js';
import { feedHandler, statements } from './support/feed.js';
import { makeClient, problem, resetContractServer, server, tokens } from './support/server.js';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => resetContractServer());
afterAll(() => server.close());

describe('change feed', () => {
  it('walks every page in stored order and finishes when caught up', async () => {
    const stored = statements(7);
    server.use(feedHandler(stored));
    const seen: string[] = [];
    for await (const entry of makeClient().changes('100000', { limit: 3 })) seen.push(entry.statement.id);
    expect(seen).toEqual(stored.map((s) => s.id));
  });

  it.each([
    { name: 'the feed fails between pages', failAt: 3 },
    { name: 'the first request fails', failAt: 1 },
    { name: 'the last page fails', failAt: 4 },
  ])('resuming from the persisted cursor loses and repeats nothing when $name', async ({ failAt }) => {
    const stored = statements(10);
    const maxAttempts = 2;
    // Requests failAt..failAt+1 fail: more than the retries, so the iterator throws once.
    server.use(
      feedHandler(stored, (n) =>
        n >= failAt && n < failAt + maxAttempts ? problem('ProblemServerError', 500) : undefined,
      ),
    );
    const client = makeClient({ retry: { maxAttempts, baseDelayMs: 1 } });
    const processed: string[] = [];
    let saved: string | undefined; // what a consumer would keep in its own database
    let failures = 0;
    for (;;) {
      try {
        for await (const entry of client.changes('100000', { cursor: saved, limit: 3 })) {
          processed.push(entry.statement.id);
          saved = entry.cursor;
        }
        break;
      } catch (error) {
        expect(error).toBeInstanceOf(ReusePrefProblemError);
        failures++;
      }
    }
    expect(failures).toBe(1);
    expect(processed).toEqual(stored.map((s) => s.id));
  });

  it('resumes after a consumer crash mid-page from the last entry it finished', async () => {
    const stored = statements(5);
    server.use(feedHandler(stored));
    const client = makeClient();
    const processed: string[] = [];
    let saved: string | undefined;
    await expect(
      (async () => {
        for await (const entry of client.changes('100000', { limit: 5 })) {
          if (processed.length === 2) throw new Error('consumer crashed');
          processed.push(entry.statement.id);
          saved = entry.cursor;
        }
      })(),
    ).rejects.toThrow('consumer crashed');
    for await (const entry of client.changes('100000', { cursor: saved })) processed.push(entry.statement.id);
    expect(processed).toEqual(stored.map((s) => s.id));
  });

  it('a caught-up feed with follow polls until aborted', async () => {
    const stored = statements(2);
    server.use(feedHandler(stored));
    const controller = new AbortController();
    const seen: string[] = [];
    const run = (async () => {
      for await (const entry of makeClient().changes('100000', {
        follow: true,
        pollIntervalMs: 5,
        signal: controller.signal,
      })) {
        seen.push(entry.statement.id);
        if (seen.length === 2) setTimeout(() => controller.abort(new Error('stop')), 30);
      }
    })();
    await expect(run).rejects.toThrow('stop');
    expect(seen).toEqual(stored.map((s) => s.id));
  });

  it('an empty page that claims more is treated as caught up, not fetched in a tight loop', async () => {
    let calls = 0;
    server.use(
      http.get('*/schools/100000/changes', () => {
        calls++;
        return HttpResponse.json({ changes: [], nextCursor: 'c2VxOjA', hasMore: true });
      }),
    );
    const seen: unknown[] = [];
    for await (const entry of makeClient().changes('100000')) seen.push(entry);
    expect({ seen, calls }).toEqual({ seen: [], calls: 1 });
  });

  it('token expiry mid-run: the feed carries on with a fresh token', async () => {
    const stored = statements(6);
    server.use(
      feedHandler(stored, (n) => {
        if (n === 2) tokens.revokeAll();
        return undefined;
      }),
    );
    const seen: string[] = [];
    for await (const entry of makeClient().changes('100000', { limit: 2 })) seen.push(entry.statement.id);
    expect(seen).toEqual(stored.map((s) => s.id));
    expect(tokens.issued).toEqual(['token-1', 'token-2']);
  });
});
