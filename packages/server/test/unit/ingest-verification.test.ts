import { addHop, generateSigningKey, signStatement, trustInMemory } from '@reuse-pref/provenance';
import type { Statement } from '@reuse-pref/schema';
import { createValidator } from '@reuse-pref/validator';
import { afterEach, describe, expect, it } from 'vitest';
import { ProblemError } from '../../src/http/problem.js';
import {
  applyVerdicts,
  checkBatchSignatures,
  workerSignatures,
} from '../../src/roles/receiver/batch-signatures.js';
import { IngestWorkers, splitAtLines } from '../../src/roles/receiver/ingest/ingest-workers.js';
import { readBatch } from '../../src/roles/receiver/ingest/read-batch.js';
import { verifyLines } from '../../src/roles/receiver/ingest/verify-lines.js';
import type { SignaturePolicy } from '../../src/roles/receiver/signature-policy.js';
import { ndjson, SCHOOL_A, statement } from '../helpers/statements.js';

// Signature chains verified in the ingest workers, a large batch shared among them: the same lines,
// findings and recorded outcomes as the event loop gives.

const principal = { clientId: 'test', scopes: new Set(['receiver:write']), schools: new Set([SCHOOL_A.urn]) };
const limits = { maxBatchRecords: 5000, maxDepth: 16, maxFields: 1000, maxFindingsPerRecord: 50 };
const now = new Date('2026-11-30T10:00:00.000Z');

const mis = await generateSigningKey('EdDSA', 'mis-1');
const relay = await generateSigningKey('ES256', 'relay-1');
const parties = [
  { supplier: 'SUP-EXAMPLE', roles: ['producer' as const], keys: [mis.publicJwk] },
  { supplier: 'INT-RELAY', roles: ['relay' as const], keys: [relay.publicJwk] },
];
const { keys } = trustInMemory(parties);

const signed = async (s: Statement = statement()) =>
  addHop(await signStatement(s, mis.signingKey), {
    relay: 'INT-RELAY',
    relayedAt: '2026-09-05T00:00:00Z',
    key: relay.signingKey,
  });

/** A batch of about 750 KB: signed chains, a few unsigned, altered or invalid lines among them, blanks. */
async function mixedBatch(): Promise<string> {
  const records: unknown[] = [];
  for (let i = 0; i < 480; i++) {
    if (i % 97 === 5) records.push(statement());
    else if (i % 131 === 7) {
      const s = await signed();
      records.push({
        ...s,
        choices: s.choices.map((c) => (c.purpose === 'LINK' ? { ...c, value: 'NOOB' as const } : c)),
      });
    } else if (i === 300) records.push('not json');
    else records.push(await signed());
    if (i % 50 === 0) records.push('');
  }
  return ndjson(records);
}

let pools: IngestWorkers[] = [];
afterEach(async () => {
  await Promise.all(pools.map((p) => p.close()));
  pools = [];
});

describe.each(['require-signature', 'verify'] as const)('ingest workers verifying under %s', (mode) => {
  const policy: SignaturePolicy = { mode, keys };

  it('read, check and record as the event loop does, line for line, shared among the workers', async () => {
    const body = await mixedBatch();
    expect(splitAtLines(body, 2)).toHaveLength(2);
    const onEventLoop = await checkBatchSignatures(
      policy,
      readBatch(body, { validator: createValidator({ now, competenceAge: 12 }), limits, principal }),
      now,
    );
    const workers = new IngestWorkers(2, { competenceAge: 12 });
    pools.push(workers);
    const inWorkers = await workers.read(body, now, principal, limits, await workerSignatures(policy, now));
    expect(inWorkers).toEqual(onEventLoop);
    // Every outcome is there: verified chains, and the unsigned and altered ones as the mode treats them.
    const kinds = new Set(
      inWorkers.map((l) => ('rejected' in l.record ? l.record.rejected[0]!.rule : l.verification?.outcome)),
    );
    expect(kinds).toEqual(
      mode === 'verify'
        ? new Set(['verified', 'unsigned', 'broken', 'invalid-json'])
        : new Set(['verified', 'signature-missing', 'signature-invalid', 'invalid-json']),
    );
  });

  it('leaves a chain whose key the snapshot lacks to the event loop, which loads it', async () => {
    const s = await signed();
    const kept: (Statement | undefined)[] = [];
    const lines = readBatch(ndjson([s, 'not json']), {
      validator: createValidator({ now, competenceAge: 12 }),
      limits,
      principal,
      keep: kept,
    });
    expect(kept).toEqual([s]);
    // A directory that has loaded only the producer's keys: the relay's kid is not in its snapshot.
    const partial = trustInMemory([parties[0]!, { ...parties[1]!, keys: [] }]).keys;
    const snapshot = await partial.snapshot!();
    const verdicts = await verifyLines(kept, lines.length, {
      mode,
      keys: snapshot,
      verifiedAt: now.toISOString(),
    });
    expect(verdicts).toEqual([null, null]);
    const left = applyVerdicts(lines, verdicts);
    expect(left).toEqual(lines);
    const [checked] = await checkBatchSignatures(policy, left, now);
    expect(checked!.verification).toEqual({
      outcome: 'verified',
      rule: null,
      signerKid: 'mis-1',
      hops: 1,
      verifiedAt: now.toISOString(),
    });
  });
});

describe('a batch shared among ingest workers', () => {
  it('cuts at line ends into parts that make up the body, each with the lines before it', () => {
    const lines = Array.from({ length: 37 }, (_, i) => (i % 5 === 0 ? '' : `line ${i} ${'x'.repeat(i * 7)}`));
    const body = `${lines.join('\r\n')}\n`;
    for (const count of [1, 2, 3, 4, 8]) {
      const parts = splitAtLines(body, count);
      expect(parts.length).toBeLessThanOrEqual(count);
      expect(parts.map((p) => p.text).join('')).toBe(body);
      let before = 0;
      for (const part of parts) {
        expect(part.linesBefore).toBe(before);
        before += part.text.split('\n').length - 1;
      }
      for (const part of parts.slice(0, -1)) expect(part.text.endsWith('\n')).toBe(true);
    }
    expect(splitAtLines('one line, no end', 4)).toEqual([{ text: 'one line, no end', linesBefore: 0 }]);
  });

  it('fails the whole batch as one reader would: too many records in all, or none in any part', async () => {
    const workers = new IngestWorkers(2, { competenceAge: 12 });
    pools.push(workers);
    const big = await mixedBatch();
    const problem = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (e: unknown) => (e instanceof ProblemError ? e.type : e),
      );
    expect(await problem(workers.read(big, now, principal, { ...limits, maxBatchRecords: 300 }))).toBe(
      'batch-too-large',
    );
    expect(await problem(workers.read('\n'.repeat(600_000), now, principal, limits))).toBe('bad-request');
  });
});
