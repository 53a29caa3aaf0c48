import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { statements } from './support/feed.js';
import { intake } from './support/intake.js';
import { makeClient, resetContractServer, server } from './support/server.js';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => resetContractServer());
afterAll(() => server.close());

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

  it('numbers the batches, marks the last record of each, and sends the key idempotencyKey gives', async () => {
    const input = statements(5);
    const received = intake();
    const bodies: string[] = [];
    const results = [];
    for await (const record of makeClient().uploadStatements(input, {
      batchSize: 2,
      idempotencyKey: ({ body, number }) => {
        bodies.push(body);
        return `upload-1:${number}`;
      },
    }))
      results.push(record);
    expect(received.map((r) => r.key)).toEqual(['upload-1:0', 'upload-1:1', 'upload-1:2']);
    expect(bodies).toEqual([
      `${JSON.stringify(input[0])}\n${JSON.stringify(input[1])}\n`,
      `${JSON.stringify(input[2])}\n${JSON.stringify(input[3])}\n`,
      `${JSON.stringify(input[4])}\n`,
    ]);
    expect(results.map((r) => [r.index, r.batchNumber, r.lastInBatch])).toEqual([
      [0, 0, false],
      [1, 0, true],
      [2, 1, false],
      [3, 1, true],
      [4, 2, true],
    ]);
  });

  it('a rerun with the same keys is answered from the stored responses: nothing is stored twice', async () => {
    const input = statements(3);
    const received = intake();
    const key = ({ number }: { number: number }) => `rerun:${number}`;
    const first = [];
    for await (const r of makeClient().uploadStatements(input, { batchSize: 2, idempotencyKey: key }))
      first.push(r);
    const again = [];
    for await (const r of makeClient().uploadStatements(input, { batchSize: 2, idempotencyKey: key }))
      again.push(r);
    expect(received.map((r) => r.key)).toEqual(['rerun:0', 'rerun:1', 'rerun:0', 'rerun:1']);
    expect(again.map((r) => [r.batchId, r.outcome.outcome])).toEqual(
      first.map((r) => [r.batchId, r.outcome.outcome]),
    );
  });
});
