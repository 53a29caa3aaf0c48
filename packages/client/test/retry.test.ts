import { HttpResponse, http } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ReusePrefNetworkError, ReusePrefProblemError, type Statement } from '../src/index.js';
import { backoffDelay, parseRetryAfter } from '../src/retry.js';
import { example, success } from './support/contract.js';
import { baseUrl, makeClient, problem, resetContractServer, server } from './support/server.js';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => resetContractServer());
afterAll(() => server.close());

const healthUrl = `${baseUrl}/health`;
const submitUrl = `${baseUrl}/schools/100000/statements`;

/** Answers with `failures` in turn, then the contract's success example; records what it saw. */
function flaky(method: 'get' | 'post', url: string, operationId: string, failures: (() => Response)[]) {
  const seen: { at: number; idempotencyKey: string | null }[] = [];
  server.use(
    http[method](url, ({ request }) => {
      seen.push({ at: Date.now(), idempotencyKey: request.headers.get('idempotency-key') });
      const fail = failures[seen.length - 1];
      if (fail) return fail();
      const ok = success(operationId);
      return HttpResponse.json(ok.example as object, { status: ok.status });
    }),
  );
  return seen;
}

const unavailable = () => problem('ProblemUnavailable', 503);

describe('retries', () => {
  it.each([
    { name: 'a 500 then success', failures: [() => problem('ProblemServerError', 500)], calls: 2 },
    { name: 'two 503s then success', failures: [unavailable, unavailable], calls: 3 },
    { name: 'a dropped connection then success', failures: [() => HttpResponse.error()], calls: 2 },
  ])('a GET recovers from $name', async ({ failures, calls }) => {
    const seen = flaky('get', healthUrl, 'getHealth', failures);
    const { data } = await makeClient().get('/health', {});
    expect(data).toEqual(success('getHealth').example);
    expect(seen).toHaveLength(calls);
  });

  it('gives up after maxAttempts and reports the last problem', async () => {
    const seen = flaky('get', healthUrl, 'getHealth', Array(10).fill(unavailable));
    const error = await makeClient({ retry: { maxAttempts: 3, baseDelayMs: 1 } })
      .get('/health', {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReusePrefProblemError);
    expect((error as ReusePrefProblemError).status).toBe(503);
    expect(seen).toHaveLength(3);
  });

  it('gives up on a connection that keeps failing with a network error', async () => {
    const seen = flaky(
      'get',
      healthUrl,
      'getHealth',
      Array(10).fill(() => HttpResponse.error()),
    );
    await expect(makeClient({ retry: { maxAttempts: 2 } }).get('/health', {})).rejects.toBeInstanceOf(
      ReusePrefNetworkError,
    );
    expect(seen).toHaveLength(2);
  });

  it('never retries a POST without an Idempotency-Key', async () => {
    const seen = flaky('post', submitUrl, 'submitStatement', [unavailable]);
    const call = makeClient().post('/schools/{urn}/statements', {
      path: { urn: '100000' },
      body: example<Statement>('StatementParent'),
    });
    await expect(call).rejects.toMatchObject({ status: 503 });
    expect(seen).toHaveLength(1);
  });

  it('retries a POST with an Idempotency-Key, sending the same key each time', async () => {
    const seen = flaky('post', submitUrl, 'submitStatement', [unavailable, () => HttpResponse.error()]);
    const { status } = await makeClient().post('/schools/{urn}/statements', {
      path: { urn: '100000' },
      body: example<Statement>('StatementParent'),
      idempotencyKey: true,
    });
    expect(status).toBe(201);
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((s) => s.idempotencyKey)).size).toBe(1);
    expect(seen[0]!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('waits out a 409 idempotency-key-in-use on a keyed POST, then gets the answer', async () => {
    const seen = flaky('post', submitUrl, 'submitStatement', [
      () => problem('ProblemIdempotencyKeyInUse', 409, { 'retry-after': '1' }),
    ]);
    const { status } = await makeClient().post('/schools/{urn}/statements', {
      path: { urn: '100000' },
      body: example<Statement>('StatementParent'),
      idempotencyKey: true,
    });
    expect(status).toBe(201);
    expect(seen).toHaveLength(2);
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(950);
    expect(seen[1]!.idempotencyKey).toBe(seen[0]!.idempotencyKey);
  });

  it('never retries any other 409: a statement id already used is final', async () => {
    const seen = flaky('post', submitUrl, 'submitStatement', [() => problem('ProblemConflict', 409)]);
    const call = makeClient().post('/schools/{urn}/statements', {
      path: { urn: '100000' },
      body: example<Statement>('StatementParent'),
      idempotencyKey: true,
    });
    await expect(call).rejects.toMatchObject({ status: 409, kind: 'statement-id-conflict' });
    expect(seen).toHaveLength(1);
  });

  it('waits as long as Retry-After says on a 429', async () => {
    const seen = flaky('get', healthUrl, 'getHealth', [
      () => problem('ProblemTooManyRequests', 429, { 'retry-after': '1' }),
    ]);
    await makeClient().get('/health', {});
    expect(seen).toHaveLength(2);
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('does not wait out a Retry-After beyond maxRetryAfterMs: it throws with the wait asked for', async () => {
    const seen = flaky('get', healthUrl, 'getHealth', [
      () => problem('ProblemTooManyRequests', 429, { 'retry-after': '3600' }),
    ]);
    const error = (await makeClient()
      .get('/health', {})
      .catch((e: unknown) => e)) as ReusePrefProblemError;
    expect({ status: error.status, retryAfterMs: error.retryAfterMs, calls: seen.length }).toEqual({
      status: 429,
      retryAfterMs: 3_600_000,
      calls: 1,
    });
  });
});

describe('backoff with full jitter', () => {
  const options = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 60_000 };
  it.each([
    { attempt: 1, random: 0.5, want: 50 },
    { attempt: 2, random: 0.5, want: 100 },
    { attempt: 3, random: 0.999, want: 399 },
    { attempt: 5, random: 0.999, want: 999 },
    { attempt: 9, random: 0.5, want: 500 },
    { attempt: 3, random: 0, want: 0 },
  ])('attempt $attempt with random $random waits $want ms', ({ attempt, random, want }) => {
    expect(backoffDelay(attempt, options, () => random)).toBe(want);
  });

  it.each([
    { header: '2', want: 2000 },
    { header: ' 0 ', want: 0 },
    { header: 'Sun, 22 Nov 2026 15:00:30 GMT', want: 30_000 },
    { header: 'Sun, 22 Nov 2026 14:00:00 GMT', want: 0 },
    { header: 'soon', want: undefined },
    { header: null, want: undefined },
  ])('Retry-After $header is $want ms', ({ header, want }) => {
    expect(parseRetryAfter(header, Date.parse('2026-11-22T15:00:00Z'))).toBe(want);
  });
});
