import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { addHop, generateSigningKey, signStatement, trustInMemory } from '@reuse-pref/provenance';
import type { Statement } from '@reuse-pref/schema';
import type { StatementStore } from '@reuse-pref/store';
import { openPostgresStore } from '@reuse-pref/store/postgres';
import { openSqliteStore } from '@reuse-pref/store/sqlite';
import { createValidator } from '@reuse-pref/validator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../store/test/postgres/cluster.js';
import {
  applyVerdicts,
  checkBatchSignatures,
  workerSignatures,
} from '../../src/roles/receiver/batch-signatures.js';
import {
  defaultWorkerScript,
  IngestWorkers,
  splitAtLines,
} from '../../src/roles/receiver/ingest/ingest-workers.js';
import { readBatch } from '../../src/roles/receiver/ingest/read-batch.js';
import type { SignaturePolicy } from '../../src/roles/receiver/signature-policy.js';
import { writeBatch } from '../../src/roles/receiver/write-batch.js';
import type { Services } from '../../src/services.js';
import { STORE_KINDS } from '../helpers/server.js';
import { ndjson, SCHOOL_A, statement } from '../helpers/statements.js';

// docs/decisions/0047: the workers of a batch read in parts share its verification. A worker whose part
// has no lines left claims the other parts' unclaimed lines; every line gets exactly one verdict, in line
// order, and a worker that dies holding claimed lines fails the batch, nothing of it stored.
//
// The real worker (dist/ingest-worker.js) runs under a wrapper that makes one worker slow without any
// timing: the reader of part 0 is held, once it has answered its lines, until every line of its part has
// been claimed by the other workers (which, for their part, start verifying only once part 0 is read, so
// there is something to claim). Optionally the reader of part 1 dies instead of sending the verdicts on
// part 0's lines it claimed.

const principal = { clientId: 'test', scopes: new Set(['receiver:write']), schools: new Set([SCHOOL_A.urn]) };
const limits = { maxBatchRecords: 5000, maxDepth: 16, maxFields: 1000, maxFindingsPerRecord: 50 };
const now = new Date('2026-11-30T10:00:00.000Z');

const mis = await generateSigningKey('EdDSA', 'mis-1');
const relay = await generateSigningKey('ES256', 'relay-1');
const { keys } = trustInMemory([
  { supplier: 'SUP-EXAMPLE', roles: ['producer'], keys: [mis.publicJwk] },
  { supplier: 'INT-RELAY', roles: ['relay'], keys: [relay.publicJwk] },
]);

const signed = async (s: Statement = statement()) =>
  addHop(await signStatement(s, mis.signingKey), {
    relay: 'INT-RELAY',
    relayedAt: '2026-09-05T00:00:00Z',
    key: relay.signingKey,
  });

/** `n` signed chains; with `mixed`, some unsigned, altered, invalid and blank lines among them. */
async function batchOf(n: number, mixed: boolean): Promise<{ body: string; records: Statement[] }> {
  const records: Statement[] = [];
  const lines: unknown[] = [];
  for (let i = 0; i < n; i++) {
    let s: Statement;
    if (mixed && i % 17 === 3) s = statement();
    else if (mixed && i % 23 === 7) {
      const good = await signed();
      s = {
        ...good,
        choices: good.choices.map((c) => (c.purpose === 'LINK' ? { ...c, value: 'NOOB' as const } : c)),
      };
    } else s = await signed();
    records.push(s);
    lines.push(s);
    if (mixed && i % 29 === 11) lines.push('not json');
    if (mixed && i % 31 === 0) lines.push('');
  }
  return { body: ndjson(lines), records };
}

/** The real worker under the wrapper described above; `die` makes part 1's reader exit (code 7). */
function heldWorker(die: boolean): URL {
  const dir = mkdtempSync(join(tmpdir(), 'rp-sharing-worker-'));
  const script = join(dir, 'worker.mjs');
  writeFileSync(
    script,
    `import { parentPort, workerData } from 'node:worker_threads';
const DIE = ${die};
let job;
// The real worker's job listener, wrapped as it registers, so this sees each job first. (A listener of
// our own, registered before the real one has loaded, would start the port and take the first job alone.)
const on = parentPort.on.bind(parentPort);
parentPort.on = (event, listener) =>
  on(event, event === 'message' ? (j) => { job = j; listener(j); } : listener);
const nap = new Int32Array(new SharedArrayBuffer(4));
function until(done) {
  const deadline = Date.now() + 60_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('held worker: the condition never came');
    Atomics.wait(nap, 0, 0, 5);
  }
}
const post = parentPort.postMessage.bind(parentPort);
parentPort.postMessage = (reply) => {
  post(reply);
  if (!job?.sharing || !('lines' in reply)) return;
  // The board starts with [records read (-1 until read), next line to claim] per part.
  const board = new Int32Array(job.sharing.board, 0, job.sharing.parts.length * 2);
  if (job.sharing.index === 0) until(() => Atomics.load(board, 1) >= Atomics.load(board, 0));
  else until(() => Atomics.load(board, 0) >= 0);
};
const verdictPort = workerData.verdictPort;
const send = verdictPort.postMessage.bind(verdictPort);
verdictPort.postMessage = (reply) => {
  if (DIE && job?.sharing?.index === 1 && reply.id === job.sharing.parts[0].id) process.exit(7);
  send(reply);
};
await import(${JSON.stringify(defaultWorkerScript().href)});
`,
  );
  return pathToFileURL(script);
}

const policyOf = (mode: SignaturePolicy['mode']): SignaturePolicy => ({ mode, keys });

/** A batch read (and its chains verified) by `workers`, the verdicts still to come. */
const readShared = async (workers: IngestWorkers, body: string, policy: SignaturePolicy) =>
  workers.readChecking(body, now, principal, limits, await workerSignatures(policy, now));

let pools: IngestWorkers[] = [];
const pool = (threads: number, script: URL) => {
  // Parts of at least 16 KB: a batch of ~100 KB is read (and verified) by four workers.
  const made = new IngestWorkers(threads, { competenceAge: 12 }, script, { partBytes: 16 * 1024 });
  pools.push(made);
  return made;
};
afterEach(async () => {
  await Promise.all(pools.map((p) => p.close()));
  pools = [];
});

describe.each(['require-signature', 'verify'] as const)('verification shared under %s', (mode) => {
  it('gives every line one verdict, in line order, when one of four workers is held back', async () => {
    const { body } = await batchOf(70, true);
    const parts = splitAtLines(body, 4);
    expect(parts).toHaveLength(4);
    const policy = policyOf(mode);
    const onEventLoop = await checkBatchSignatures(
      policy,
      readBatch(body, { validator: createValidator({ now, competenceAge: 12 }), limits, principal }),
      now,
    );
    const read = await readShared(pool(4, heldWorker(false)), body, policy);
    const verdicts = await read.verdicts!.settled();
    expect(verdicts).toHaveLength(read.lines.length);
    expect(applyVerdicts(read.lines, verdicts)).toEqual(onEventLoop);
    // Every record of part 0 was verified by another worker (its own reader claimed none).
    const part0 = readBatch(parts[0]!.text, {
      validator: createValidator({ now, competenceAge: 12 }),
      limits,
      principal,
      part: { linesBefore: 0 },
    }).length;
    expect(read.verdicts!.helped).toBeGreaterThanOrEqual(part0);
  });
});

describe('a worker that dies holding claimed lines', () => {
  it('fails the batch whether its verdicts are awaited or waited for, and is replaced', async () => {
    const { body } = await batchOf(40, false);
    const workers = pool(2, heldWorker(true));
    const signatures = await workerSignatures(policyOf('require-signature'), now);
    await expect(workers.read(body, now, principal, limits, signatures)).rejects.toThrow(
      /exited with code 7/,
    );
    // As a SQLite transaction waits: blocked, it learns of the death from the worker itself.
    const read = await workers.readChecking(body, now, principal, limits, signatures);
    expect(() => read.verdicts!.wait()).toThrow(/ingest worker exited/);
  });
});

describe.each(STORE_KINDS)('a shared batch written on the %s store', (kind) => {
  let store: StatementStore;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (kind === 'postgres') {
      const database = await createTestDatabase();
      drop = () => database.drop();
      store = await openPostgresStore({ connectionString: database.url });
    } else {
      store = await openSqliteStore({ path: join(mkdtempSync(join(tmpdir(), 'rp-sharing-')), 'store.db') });
    }
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await drop?.();
  });
  const policy = policyOf('require-signature');
  const write = async (workers: IngestWorkers, body: string) => {
    const read = await readShared(workers, body, policy);
    // writeBatch reads only the store and the signature policy of the services.
    return writeBatch({ store, signatures: policy } as unknown as Services, read.lines, read.verdicts, now);
  };

  it('stores every record with its verification while one worker is held back', async () => {
    const { body, records } = await batchOf(60, false);
    const { lines, result } = await write(pool(4, heldWorker(false)), body);
    expect(result.committed).toBe(true);
    expect(lines.map((l) => l.verification?.outcome)).toEqual(records.map(() => 'verified'));
    for (const s of records)
      expect(await store.verifications.get(s.id)).toEqual({
        outcome: 'verified',
        rule: null,
        signerKid: 'mis-1',
        hops: 1,
        verifiedAt: now.toISOString(),
      });
  });

  it('stores nothing of a batch whose helping worker died with lines claimed', async () => {
    const { body, records } = await batchOf(40, false);
    const workers = pool(2, heldWorker(true));
    await expect(write(workers, body)).rejects.toThrow(/ingest worker exited/);
    for (const s of records) expect(await store.statements.get(s.id)).toBeUndefined();
    // The pool has replaced the worker: the next batch (one part, nothing held) is stored.
    const next = await batchOf(3, false);
    const { result } = await write(workers, next.body);
    expect(result.committed).toBe(true);
  });
});
