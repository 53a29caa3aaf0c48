import { delay, HttpResponse, http } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ReusePrefTimeoutError } from '../src/index.js';
import { baseUrl, makeClient, resetContractServer, server } from './support/server.js';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => resetContractServer());
afterAll(() => server.close());

describe('timeouts and cancellation', () => {
  it('times out each attempt, retries a GET, then reports the timeout', async () => {
    let calls = 0;
    server.use(
      http.get(`${baseUrl}/health`, async () => {
        calls++;
        await delay(500);
        return HttpResponse.json({});
      }),
    );
    const client = makeClient({ timeoutMs: 30, retry: { maxAttempts: 2, baseDelayMs: 1 } });
    await expect(client.get('/health', {})).rejects.toBeInstanceOf(ReusePrefTimeoutError);
    expect(calls).toBe(2);
  });

  it('a per-request timeout overrides the client default', async () => {
    server.use(
      http.get(`${baseUrl}/health`, async () => {
        await delay(100);
        return HttpResponse.json({ status: 'pass', version: '1', checkedAt: '2026-11-01T09:00:00Z' });
      }),
    );
    const client = makeClient({ timeoutMs: 20 });
    const { data } = await client.get('/health', { timeoutMs: 2_000 });
    expect(data.status).toBe('pass');
  });

  it('an aborted signal stops the request and is not retried', async () => {
    let calls = 0;
    server.use(
      http.get(`${baseUrl}/health`, async () => {
        calls++;
        await delay(500);
        return HttpResponse.json({});
      }),
    );
    const controller = new AbortController();
    const call = makeClient().get('/health', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user cancelled')), 20);
    await expect(call).rejects.toThrow('user cancelled');
    expect(calls).toBe(1);
  });

  it('an already-aborted signal sends nothing', async () => {
    const controller = new AbortController();
    controller.abort(new Error('closed'));
    await expect(makeClient().get('/health', { signal: controller.signal })).rejects.toThrow('closed');
  });
});
