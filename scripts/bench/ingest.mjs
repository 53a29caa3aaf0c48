// Benchmark "ingest" (issue 4): bulk ingest of N statements over HTTP (NDJSON batches to a receiver's
// /intake/batches) into each store, beside the same store's direct bulkInsert of the same statements in
// the same run (target: HTTP >= 0.5x direct); then single-statement writes (/intake/statements) at a
// fixed rate on loopback with autocannon, p50/p99 latency. Server and direct passes run in their own
// processes on fresh stores; PostgreSQL is cluster 15/main on 127.0.0.1 (started if down).
//   node scripts/bench.mjs ingest [--records 1000000]
import { closeSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from './ingest/runtime.mjs';
import { statementOf, statementsBetween } from './ingest/statements.mjs';
import { ensurePostgres, issuer, postgresDatabase, runChild, startReceiver } from './lib/receiver.mjs';
import { thousands } from './lib/table.mjs';

const fromServer = createRequire(join(root, 'packages', 'server', 'package.json'));
const MIN_RATIO = 0.5;
const BATCH = 5000;
const CONCURRENCY = 4;
const RATE = 200;
const SECONDS = 10;

export const description = `bulk ingest over HTTP vs direct bulkInsert per store (ratio >= ${MIN_RATIO}); single writes at ${RATE}/s (p50/p99)`;
export const defaultRecords = 1_000_000;

/**
 * The request bodies, written before any pass is timed: an NDJSON file of every statement and where each
 * batch starts. The load generator then only reads and sends bytes, so on a two-core machine it takes as
 * little CPU as possible from the server it measures (serialising the statements itself cost about a
 * fifth of what the server spent).
 */
function writeBatches(path, records) {
  const fd = openSync(path, 'w');
  const offsets = [0];
  let at = 0;
  try {
    for (let from = 0; from < records; from += BATCH) {
      const body = `${statementsBetween(from, Math.min(records, from + BATCH))
        .map((s) => JSON.stringify(s))
        .join('\n')}\n`;
      at += writeSync(fd, body);
      offsets.push(at);
    }
  } finally {
    closeSync(fd);
  }
  return { path, offsets };
}

function batchBody(fd, batches, index) {
  const start = batches.offsets[index];
  const body = Buffer.allocUnsafe(batches.offsets[index + 1] - start);
  readSync(fd, body, 0, body.length, start);
  return body;
}

/** Every statement once, in NDJSON batches, CONCURRENCY requests in flight; records/s end to end. */
async function ingestOverHttp(url, token, records, batches) {
  let next = 0;
  const fd = openSync(batches.path, 'r');
  const started = performance.now();
  async function worker() {
    while (next < records) {
      const from = next;
      const to = Math.min(records, from + BATCH);
      next = to;
      const body = batchBody(fd, batches, from / BATCH);
      const response = await fetch(`${url}/intake/batches`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/x-ndjson',
          'idempotency-key': `batch-${from}`,
        },
        body,
      });
      const result = await response.json();
      if (response.status >= 300 || !result.committed || result.counts.stored !== to - from) {
        throw new Error(`batch at ${from}: ${response.status} ${JSON.stringify(result).slice(0, 300)}`);
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  } finally {
    closeSync(fd);
  }
  return (performance.now() - started) / 1000;
}

async function singleWrites(url, token, firstIndex) {
  const autocannon = fromServer('autocannon');
  let next = firstIndex;
  const result = await autocannon({
    url,
    connections: 8,
    overallRate: RATE,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        path: '/intake/statements',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(statementOf(next++)) }),
      },
    ],
  });
  return result;
}

export async function run({ records, dataDir, log }) {
  const dir = join(dataDir, `ingest-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const rows = [['store', 'pass', 'records', 'seconds', 'records/s', 'HTTP / direct']];
  const latencyRows = [];
  const checks = [];
  const { jwksFile, token } = await issuer(dir);
  try {
    log(`writing ${thousands(records)} statements as NDJSON batches of ${thousands(BATCH)} (not timed)`);
    const batches = writeBatches(join(dir, 'batches.ndjson'), records);
    for (const kind of ['sqlite', 'postgres']) {
      let fresh;
      if (kind === 'sqlite') {
        let n = 0;
        fresh = async () => ({ where: join(dir, `store-${n++}.db`), drop: async () => undefined });
      } else {
        ensurePostgres();
        let n = 0;
        fresh = async () => {
          const db = await postgresDatabase(`rp_bench_ingest_${process.pid}_${n++}`);
          return { where: db.url, drop: db.drop };
        };
      }
      const directStore = await fresh();
      log(`${kind}: direct bulkInsert of ${thousands(records)} statements`);
      const direct = await runChild('direct.mjs', [kind, directStore.where, String(records), String(BATCH)]);
      await directStore.drop();

      const httpStore = await fresh();
      const server = await startReceiver(kind, httpStore.where, jwksFile);
      let httpSeconds;
      let single;
      try {
        log(`${kind}: HTTP NDJSON batches of ${thousands(BATCH)}, ${CONCURRENCY} in flight`);
        httpSeconds = await ingestOverHttp(server.url, token, records, batches);
        log(`${kind}: single writes at ${RATE}/s for ${SECONDS} s (autocannon)`);
        single = await singleWrites(server.url, token, records);
      } finally {
        await server.stop();
        await httpStore.drop();
      }

      const directRate = records / direct.seconds;
      const httpRate = records / httpSeconds;
      const ratio = httpRate / directRate;
      rows.push([
        kind,
        'direct bulkInsert',
        thousands(records),
        direct.seconds.toFixed(1),
        thousands(directRate),
        '',
      ]);
      rows.push([
        kind,
        'HTTP batches',
        thousands(records),
        httpSeconds.toFixed(1),
        thousands(httpRate),
        ratio.toFixed(2),
      ]);
      latencyRows.push(
        `${kind}: single writes ${thousands(single.requests.total)} at ${RATE}/s: p50 ${single.latency.p50} ms, p99 ${single.latency.p99} ms, max ${single.latency.max} ms, non-2xx ${single.non2xx}, errors ${single.errors}`,
      );
      checks.push({
        name: `${kind} HTTP ingest / direct bulkInsert >= ${MIN_RATIO}`,
        ok: ratio >= MIN_RATIO,
        value: ratio.toFixed(2),
      });
      checks.push({
        name: `${kind} single writes all 2xx`,
        ok: single.non2xx === 0 && single.errors === 0 && single.requests.total > 0,
        value: `${single.non2xx} non-2xx, ${single.errors} errors of ${single.requests.total}`,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows, checks, notes: latencyRows };
}
