// Issue 17 item 6: findings were uncapped. One 6 MB batch line with 700,000 keys gave 700,000 findings,
// a 94 MB 422 body and 1.5 GB of memory; eight such lines reached 4 GB and stalled /health for 51 s.
// Now a record with more than maxFields fields is refused whole before it is parsed, each record lists
// at most maxFindingsPerRecord findings and a rejected batch at most maxFindingsPerBatch (the rest are
// counted in `findingsOmitted`), and a batch read on the event loop yields every few milliseconds.
import { randomUUID } from 'node:crypto';
import type { BatchProblem, ProblemDetails } from '@reuse-pref/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/index.js';
import { ndjson, statement } from '../helpers/statements.js';
import {
  type AttackedServer,
  healthMedianMs,
  probeHealth,
  removeBundle,
  responsiveBound,
  startAttackedServer,
} from './attack/harness.js';

const servers: AttackedServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await removeBundle();
});

/** One batch line with `keys` made-up fields (the attack: 700,000 of them, about 7 MB). */
function manyKeysLine(keys: number): string {
  const parts = [`"id":"${randomUUID()}"`];
  for (let i = 0; i < keys; i++) parts.push(`"k${i}":0`);
  return `{${parts.join(',')}}`;
}

/** A statement with `extra` unknown fields: under the field cap, so each is a finding. */
function withUnknownFields(extra: number): string {
  const s: Record<string, unknown> = { ...statement() };
  for (let i = 0; i < extra; i++) s[`x${i}`] = 1;
  return JSON.stringify(s);
}

describe('findings amplification', () => {
  it('documents safe defaults', () => {
    expect(DEFAULT_LIMITS).toMatchObject({
      maxFields: 500,
      maxFindingsPerRecord: 50,
      maxFindingsPerBatch: 1_000,
    });
  });

  it('answers small, stays small in memory and keeps /health responsive', async () => {
    const server = await startAttackedServer('receiver', {});
    servers.push(server);
    const token = await server.issuer.token('receiver:write school:*');
    const post = async (path: string, type: string, body: string) => {
      const response = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': type,
          'idempotency-key': randomUUID(),
        },
        body,
      });
      const text = await response.text();
      return { status: response.status, bytes: Buffer.byteLength(text), body: JSON.parse(text) as unknown };
    };
    const baseline = await healthMedianMs(server.port);
    const rssBefore = server.rssMiB().now;

    const keysLine = `${manyKeysLine(700_000)}\n`;
    // 8 MB of lines that each fail one rule per field: 420 unknown fields on each of 1,500 statements.
    const findingsBatch = ndjson(Array.from({ length: 1_500 }, () => withUnknownFields(420)));
    expect(Buffer.byteLength(keysLine)).toBeGreaterThan(6_000_000);
    expect(Buffer.byteLength(findingsBatch)).toBeGreaterThan(6_000_000);

    // The attack: four of each at once, while a load balancer keeps probing /health.
    let attacking = true;
    const attacks = Promise.all([
      ...Array.from({ length: 4 }, () => post('/intake/batches', 'application/x-ndjson', keysLine)),
      ...Array.from({ length: 4 }, () => post('/intake/batches', 'application/x-ndjson', findingsBatch)),
    ]).finally(() => {
      attacking = false;
    });
    const probes: number[] = [];
    while (attacking) probes.push(await probeHealth(server.port));
    const answers = await attacks;
    probes.sort((a, b) => a - b);
    const median = probes[Math.floor(probes.length / 2)]!;

    const [keys, findings] = [answers[0]!, answers[4]!];
    expect(keys.status).toBe(422);
    expect(keys.bytes).toBeLessThan(4_096);
    const keysProblem = keys.body as BatchProblem;
    expect(keysProblem.batch.outcomes.map((o) => o.findings.map((f) => f.rule))).toEqual([
      ['too-many-fields'],
    ]);

    expect(findings.status).toBe(422);
    const problem = findings.body as BatchProblem & { findingsOmitted?: number };
    const listed = problem.batch.outcomes.flatMap((o) => o.findings);
    expect(problem.batch.outcomes).toHaveLength(1_500);
    expect(problem.batch.outcomes.every((o) => o.outcome === 'rejected')).toBe(true);
    expect(
      problem.batch.outcomes.every((o) => o.findings.length <= DEFAULT_LIMITS.maxFindingsPerRecord),
    ).toBe(true);
    expect(listed).toHaveLength(DEFAULT_LIMITS.maxFindingsPerBatch);
    // Nothing is hidden without saying so: what is listed plus what is counted is every finding.
    expect(listed.length + problem.findingsOmitted!).toBe(1_500 * 420);
    expect(findings.bytes).toBeLessThan(512 * 1024);

    // One statement body: at most maxFindingsPerRecord errors, and the count of the rest.
    const single = await post('/intake/statements', 'application/json', withUnknownFields(420));
    const singleProblem = single.body as ProblemDetails & { findingsOmitted?: number };
    expect(single.status).toBe(422);
    expect(singleProblem.errors).toHaveLength(DEFAULT_LIMITS.maxFindingsPerRecord);
    expect(singleProblem.findingsOmitted).toBe(420 - DEFAULT_LIMITS.maxFindingsPerRecord);

    const rss = server.rssMiB();
    console.info(
      `findings amplification: 4 x 700k-key lines + 4 x 8 MB finding batches at once: 422 bodies ` +
        `${keys.bytes} B and ${findings.bytes} B, /health median ${median.toFixed(1)} ms over ` +
        `${probes.length} probes (unloaded ${baseline.toFixed(1)} ms), RSS ${rssBefore} -> peak ${rss.peak} MiB`,
    );
    expect(median).toBeLessThan(responsiveBound(baseline));
    // The whole attack (8 MB bodies read in full, four at a time) stays within a few hundred MiB: 220 on
    // a quiet machine, 350 on a busy one (the collector runs later). The bound leaves room for that and
    // still fails the uncapped server, which needed 1.5 GB for one such line.
    expect(rss.peak - rssBefore).toBeLessThan(768);
  }, 120_000);
});
