import { HttpResponse, http } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BatchResult, RecordOutcome, Statement } from '../src/index.js';
import { statements } from './support/feed.js';
import { validatorFor } from './support/schemas.js';
import { authorised, baseUrl, makeClient, problem, resetContractServer, server } from './support/server.js';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => resetContractServer());
afterAll(() => server.close());

const validStatement = validatorFor('./schemas/statement.schema.json');

interface Received {
  key: string | null;
  lines: number;
  bytes: number;
}

/**
 * An intake that commits a batch only when every line is a valid statement, replays the stored result
 * for a repeated Idempotency-Key, and can answer 503 on chosen requests.
 */
function intake(unavailableOn: number[] = []) {
  const received: Received[] = [];
  const replies = new Map<string, { status: number; body: object }>();
  server.use(
    http.post(`${baseUrl}/intake/batches`, async ({ request }) => {
      if (!authorised(request)) return problem('ProblemUnauthorized', 401);
      const text = await request.text();
      const key = request.headers.get('idempotency-key');
      received.push({
        key,
        lines: text.split('\n').filter(Boolean).length,
        bytes: new TextEncoder().encode(text).byteLength,
      });
      if (unavailableOn.includes(received.length))
        return problem('ProblemUnavailable', 503, { 'retry-after': '0' });
      if (key && replies.has(key)) {
        const reply = replies.get(key)!;
        return HttpResponse.json(reply.body, { status: reply.status });
      }
      const lines = text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Statement);
      const findings = lines.map((s) =>
        validStatement(s)
          ? []
          : [
              {
                rule: 'field-required',
                severity: 'error' as const,
                pointer: '/choices',
                message: 'choices: at least one choice',
              },
            ],
      );
      const committed = findings.every((f) => f.length === 0);
      const outcomes: RecordOutcome[] = lines.map((s, i) => ({
        line: i + 1,
        statementId: s.id,
        outcome: committed ? 'stored' : findings[i]!.length ? 'rejected' : 'not-stored',
        findings: findings[i]!,
      }));
      const batch: BatchResult = {
        batchId: crypto.randomUUID(),
        committed,
        receivedAt: '2026-10-02T07:00:00Z',
        counts: {
          records: lines.length,
          stored: committed ? lines.length : 0,
          duplicate: 0,
          rejected: outcomes.filter((o) => o.outcome === 'rejected').length,
          notStored: outcomes.filter((o) => o.outcome === 'not-stored').length,
        },
        outcomes,
      };
      const reply = committed
        ? { status: 201, body: batch }
        : {
            status: 422,
            body: {
              type: 'https://reuse-pref.org/problems/batch-rejected',
              title: 'Batch not committed',
              status: 422,
              errors: findings.flat(),
              batch,
            },
          };
      if (key) replies.set(key, reply);
      return HttpResponse.json(reply.body, {
        status: reply.status,
        headers: { 'content-type': committed ? 'application/json' : 'application/problem+json' },
      });
    }),
  );
  return received;
}

async function* slowly<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) {
    await Promise.resolve();
    yield item;
  }
}

describe('batch uploader', () => {
  it.each([
    { count: 5, batchSize: 2, want: [2, 2, 1] },
    { count: 4, batchSize: 2, want: [2, 2] },
    { count: 1, batchSize: 500, want: [1] },
    { count: 0, batchSize: 2, want: [] },
  ])('chunks $count statements by $batchSize into batches of $want', async ({ count, batchSize, want }) => {
    const input = statements(count);
    const received = intake();
    const results = [];
    for await (const record of makeClient().uploadStatements(slowly(input), { batchSize }))
      results.push(record);
    expect(received.map((r) => r.lines)).toEqual(want);
    expect(results.map((r) => [r.index, r.statement.id, r.outcome.outcome, r.committed])).toEqual(
      input.map((s, i) => [i, s.id, 'stored', true]),
    );
  });

  it('splits by bytes as well as by count', async () => {
    const input = statements(4);
    const lineBytes = new TextEncoder().encode(`${JSON.stringify(input[0])}\n`).byteLength;
    const received = intake();
    for await (const _ of makeClient().uploadStatements(input, {
      batchSize: 100,
      maxBatchBytes: lineBytes * 2 + 10,
    })) {
      // drain
    }
    expect(received.map((r) => r.lines)).toEqual([2, 2]);
    expect(Math.max(...received.map((r) => r.bytes))).toBeLessThanOrEqual(lineBytes * 2 + 10);
  });

  it('reports a rejected batch record by record and carries on with the next batch', async () => {
    const input = statements(4);
    input[1]!.choices = [];
    intake();
    const results = [];
    for await (const record of makeClient().uploadStatements(input, { batchSize: 2 })) results.push(record);
    expect(
      results.map((r) => [r.index, r.outcome.outcome, r.committed, r.outcome.findings.map((f) => f.rule)]),
    ).toEqual([
      [0, 'not-stored', false, []],
      [1, 'rejected', false, ['field-required']],
      [2, 'stored', true, []],
      [3, 'stored', true, []],
    ]);
  });

  it('retries a batch after a 503 with the same Idempotency-Key, and a fresh key per batch', async () => {
    const received = intake([2]);
    const results = [];
    for await (const record of makeClient().uploadStatements(statements(4), { batchSize: 2 }))
      results.push(record);
    expect(results.map((r) => r.outcome.outcome)).toEqual(['stored', 'stored', 'stored', 'stored']);
    const keys = received.map((r) => r.key);
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[2]);
    expect(keys[0]).not.toBe(keys[1]);
  });
});
