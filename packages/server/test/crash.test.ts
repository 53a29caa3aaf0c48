import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Statement } from '@reuse-pref/schema';
import { openSqliteStore } from '@reuse-pref/store/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleReceiver, killHard, startReceiver } from './crash/child.js';
import { ndjson, statement } from './helpers/statements.js';
import { AUDIENCE, createIssuer, ISSUER, type TokenIssuer } from './helpers/tokens.js';

const RUNS = 20;
// Two databases, each crashed and restarted RUNS / CHAINS times in a row, run side by side to halve the
// wall time; within a chain every start recovers the file the previous kill left.
const CHAINS = 2;
const BATCH_SIZE = 25;
const MAX_KILL_DELAY_MS = 120;

interface SentBatch {
  ids: string[];
  acknowledged: boolean;
}

let dir: string;
let bundle: string;
let issuer: TokenIssuer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rp-server-crash-'));
  [bundle, issuer] = await Promise.all([bundleReceiver(), createIssuer()]);
}, 60_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (bundle) rmSync(bundle, { force: true });
});

/**
 * One run: start the receiver on the shared database (recovering from the previous kill), stream batches
 * one after another, and SIGKILL it at a random moment after the first acknowledgement.
 */
async function crashRun(dbPath: string, token: string, sent: SentBatch[]): Promise<boolean> {
  const receiver = await startReceiver(bundle, dbPath, [ISSUER, AUDIENCE], {
    RP_TEST_JWKS: JSON.stringify(issuer.jwks),
  });
  let killed = false;
  const killedAt = new Promise<void>((resolve) => {
    receiver.child.once('exit', () => {
      killed = true;
      resolve();
    });
  });
  let first = true;
  let interrupted = false;
  while (!killed) {
    const records: Statement[] = Array.from({ length: BATCH_SIZE }, () => statement());
    const batch: SentBatch = { ids: records.map((r) => r.id), acknowledged: false };
    sent.push(batch);
    try {
      const res = await fetch(`${receiver.url}/intake/batches`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/x-ndjson',
          'idempotency-key': crypto.randomUUID(),
        },
        body: ndjson(records),
      });
      if (res.status !== 201) throw new Error(`batch refused: ${res.status} ${await res.text()}`);
      await res.json();
      batch.acknowledged = true;
    } catch (error) {
      if (!killed && !(error instanceof TypeError)) throw error;
      interrupted = true;
      break;
    }
    if (first) {
      first = false;
      setTimeout(() => void killHard(receiver.child), Math.random() * MAX_KILL_DELAY_MS);
    }
  }
  await killedAt;
  return interrupted;
}

describe('receiver under kill -9 during bulk ingest', () => {
  it(`loses no acknowledged record and shows no partial batch over ${RUNS} kills`, async () => {
    const token = await issuer.token('receiver:write school:*', { expiresIn: '10m' });
    const chains = await Promise.all(
      Array.from({ length: CHAINS }, async (_, chain) => {
        const dbPath = join(dir, `receiver-${chain}.db`);
        const sent: SentBatch[] = [];
        let interrupted = 0;
        for (let run = 0; run < RUNS / CHAINS; run++) {
          if (await crashRun(dbPath, token, sent)) interrupted++;
        }
        return { dbPath, sent, interrupted };
      }),
    );

    // The kills must land while a batch is on the wire, not only between batches.
    expect(chains.reduce((n, c) => n + c.interrupted, 0)).toBeGreaterThan(RUNS / 2);
    for (const { dbPath, sent } of chains) {
      // Restart once more, as an operator would: the server comes up healthy on what the kills left.
      const receiver = await startReceiver(bundle, dbPath, [ISSUER, AUDIENCE], {
        RP_TEST_JWKS: JSON.stringify(issuer.jwks),
      });
      try {
        expect((await fetch(`${receiver.url}/health`)).status).toBe(200);
      } finally {
        await killHard(receiver.child);
      }
      const store = await openSqliteStore({ path: dbPath });
      try {
        const tally = { acknowledged: 0, lost: 0, partial: 0, storedUnacknowledged: 0 };
        for (const batch of sent) {
          const found = await Promise.all(batch.ids.map((id) => store.statements.get(id)));
          const present = found.filter(Boolean).length;
          if (present !== 0 && present !== BATCH_SIZE) tally.partial++;
          if (batch.acknowledged) {
            tally.acknowledged++;
            if (present !== BATCH_SIZE) tally.lost++;
          } else if (present === BATCH_SIZE) {
            tally.storedUnacknowledged++;
          }
        }
        expect({ lost: tally.lost, partial: tally.partial }).toEqual({ lost: 0, partial: 0 });
        expect(tally.acknowledged).toBeGreaterThanOrEqual(RUNS / CHAINS);
        // Only the batch in flight at each kill may have committed without its acknowledgement arriving.
        expect(tally.storedUnacknowledged).toBeLessThanOrEqual(RUNS / CHAINS);
      } finally {
        await store.close();
      }
    }
  }, 90_000);
});
