// One pass of the release benchmark, in its own process, run by ../release.mjs. Prints one JSON line.
//   lines <cohort>                      plain line-reading pass: for await over node:readline
//   batches <cohort>                    the same lines through lineBatches (the gate's reader)
//   decide <kind> <where> <cohort>      the gate over the store's index held in memory (a snapshot,
//                                       loaded first and timed apart), as `release evaluate --store` counts
//   decide-db <kind> <where> <cohort>   the gate over the index in the database: each batch of keys looked
//                                       up set-based (PostgreSQL: copied into a temporary table and joined)
//   record <kind> <where> <cohort> <ds> the release decided and recorded into the store, as the distributor
//                                       does (ReleaseArchive.record: index lookups, ledger entries, salts,
//                                       commitments, leaf hashes, one streamed transaction)
//   floor <kind> <where> <plan.json>    the irreducible work of that recording: the same number of SHA-256
//                                       hashes over inputs of the same sizes, and the same rows (count and
//                                       bytes, per kind of ledger) bulk-inserted into the same store in one
//                                       transaction, with nothing decided or built
// <kind> <where>: sqlite <file> | postgres <url>. Uses the built packages (pnpm build).
import { hash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { BENCH_REQUEST } from './population.mjs';

const root = new URL('../../../', import.meta.url);
const dist = (pkg) => new URL(`packages/${pkg}/dist/index.js`, root).href;
const fromStore = createRequire(new URL('packages/store/package.json', root));
const { evaluateFromCompactIndex, generateLogKeyPair, lineBatches, readCohortKeyRuns, readCohortKeys } =
  await import(dist('release'));
const { openStore, ReleaseArchive } = await import(dist('server'));

export const DECIDED_AT = '2026-11-30T00:00:00Z';
const [mode, ...args] = process.argv.slice(2);

const cpuSince = (start) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};
const clock = () => ({ wall: process.hrtime.bigint(), cpu: process.cpuUsage() });
const since = (start) => ({
  seconds: Number(process.hrtime.bigint() - start.wall) / 1e9,
  cpuSeconds: cpuSince(start.cpu),
});

function finish(extra) {
  // maxRSS is in kilobytes: the peak of the whole pass, store handle and snapshot included.
  console.log(JSON.stringify({ mode, ...extra, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}

const spec = (kind, where) => (kind === 'sqlite' ? { kind, path: where } : { kind, databaseUrl: where });

async function* rebatch(source, size) {
  let batch = [];
  for await (const keys of source) {
    for (const key of keys) batch.push(key);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

if (mode === 'lines') {
  const start = clock();
  let records = 0;
  const lines = createInterface({ input: createReadStream(args[0]), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) if (line.length > 0) records++;
  finish({ records, ...since(start) });
} else if (mode === 'batches') {
  const start = clock();
  let records = 0;
  for await (const batch of lineBatches(args[0])) for (const line of batch) if (line.length > 0) records++;
  finish({ records, ...since(start) });
} else if (mode === 'decide' || mode === 'decide-db') {
  const [kind, where, cohort] = args;
  const store = await openStore(spec(kind, where));
  const status = await store.preferences.status();
  if (!status.current) throw new Error(`index not current: ${JSON.stringify(status)}`);
  let load;
  let compact = store.preferences;
  let snapshotMB = 0;
  if (mode === 'decide') {
    const loading = clock();
    compact = await store.preferences.snapshot();
    load = since(loading);
    snapshotMB = compact.bytes / 1e6;
  }
  const start = clock();
  // As `release evaluate --store` reads the cohort: the keys where they lie in the file's bytes.
  const keys = mode === 'decide' ? readCohortKeyRuns(cohort) : rebatch(readCohortKeys(cohort), 20_000);
  const decision = await evaluateFromCompactIndex(BENCH_REQUEST, keys, {
    decidedAt: DECIDED_AT,
    index: store.preferences,
    compact,
    competenceAge: status.competenceAge,
  });
  const timed = since(start);
  await store.close();
  finish({
    records: decision.counts.total,
    ...timed,
    load,
    snapshotMB,
    subjects: status.subjects,
    counts: decision.counts,
  });
} else if (mode === 'record') {
  const [kind, where, cohort, dsReference] = args;
  const store = await openStore(spec(kind, where));
  const status = await store.preferences.status();
  // As `release evaluate --store --record` does: nothing else writes from this process.
  const archive = await ReleaseArchive.open(store, generateLogKeyPair().privateKey, {
    exclusive: true,
    logCheck: 'edge',
  });
  const start = clock();
  const result = await archive.record({ ...BENCH_REQUEST, dsReference }, () => readCohortKeys(cohort), {
    now: new Date(DECIDED_AT),
    competenceAge: status.competenceAge,
  });
  const timed = since(start);
  if (result.outcome !== 'recorded') throw new Error(`release not recorded: ${result.outcome}`);
  await store.close();
  const written = await rowsOfLatestCommit(kind, where);
  finish({ records: result.decision.counts.total, ...timed, counts: result.decision.counts, written });
} else if (mode === 'floor') {
  const [kind, where, planFile] = args;
  const plan = JSON.parse(readFileSync(planFile, 'utf8'));
  // Untimed: where the recording put its subject rows, so the floor's rows go to the same places.
  const subjectRows = await subjectRowsOfLatestRelease(kind, where);
  const start = clock();
  await floor(kind, where, plan, subjectRows);
  finish({ records: plan.subjects, ...since(start) });
} else {
  throw new Error(`unknown mode ${mode}`);
}

/** What the last commit wrote to the ledgers, per kind of ledger: a release's rows share one timestamp. */
async function rowsOfLatestCommit(kind, where) {
  const kindOf = `CASE WHEN ledger = 'release:log' THEN 'log'
                      WHEN ledger LIKE 'release:subject:%' THEN 'subject'
                      WHEN ledger LIKE 'release:outcomes:%' THEN 'outcome' ELSE 'other' END`;
  const sql = (len) => `SELECT ${kindOf} AS kind, COUNT(*) AS rows, SUM(${len}(ledger)) AS ledger_bytes,
      SUM(${len}(entry)) AS entry_bytes FROM ledger_entries
      WHERE recorded_at = (SELECT MAX(recorded_at) FROM ledger_entries) GROUP BY 1`;
  const rows = await readOnlyQuery(kind, where, sql(kind === 'sqlite' ? 'length' : 'octet_length'));
  return Object.fromEntries(
    rows.map((r) => [
      r.kind,
      { rows: Number(r.rows), ledgerBytes: Number(r.ledger_bytes), entryBytes: Number(r.entry_bytes) },
    ]),
  );
}

/**
 * The subject-ledger rows (ledger, idx) the latest release wrote, in key order. A release appends one row
 * to each subject's own ledger, and those ledgers lie scattered over the whole primary key; the floor
 * writes its rows beside them, so it pays for the same scattered B-tree inserts (issue 18: "the same rows
 * bulk-inserted into the same store"). The latest release is the one whose log row is newest: the log is
 * written by releases only.
 */
async function subjectRowsOfLatestRelease(kind, where) {
  const sql = `SELECT ledger, idx FROM ledger_entries WHERE ledger LIKE 'release:subject:%'
      AND recorded_at = (SELECT MAX(recorded_at) FROM ledger_entries WHERE ledger = 'release:log')
      ORDER BY ledger, idx`;
  // PostgreSQL answers a BIGINT as text.
  return (await readOnlyQuery(kind, where, sql)).map((r) => ({ ledger: r.ledger, idx: Number(r.idx) }));
}

/** The rows of one read-only query on the bench's store, outside the product (untimed bookkeeping). */
async function readOnlyQuery(kind, where, sql) {
  if (kind === 'sqlite') {
    const Database = fromStore('better-sqlite3');
    const db = new Database(where, { readonly: true });
    try {
      return db.prepare(sql).all();
    } finally {
      db.close();
    }
  }
  const pg = fromStore('pg');
  const client = new pg.Client({ connectionString: where });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/**
 * The floor: for every subject, its share of the hashes (a commitment over salt + entry, a leaf hash,
 * about one node hash) over inputs of the recorded sizes, and its rows, each with a ledger name and an
 * entry of the recorded average sizes, written into ledger_entries in one transaction (COPY on
 * PostgreSQL, multi-row INSERTs on SQLite). Subject rows go beside the latest release's own: the same
 * ledger name with a short suffix (`#f` and the run), which sorts straight after that ledger's rows and
 * before the next subject's, so each insert lands on the page the recording's did. The suffix makes
 * each name 8-10 bytes longer than the recording's, a cost the floor pays and the recording does not.
 */
async function floor(kind, where, plan, subjectRows) {
  const run = `${process.pid}-${Date.now()}`;
  const tag = Date.now().toString(36);
  const text = (n, c) => `"${c.repeat(Math.max(0, n - 2))}"`;
  const kinds = ['log', 'subject', 'outcome', 'other'].filter((k) => plan.written[k]);
  const shape = Object.fromEntries(
    kinds.map((k) => {
      const w = plan.written[k];
      return [
        k,
        {
          rows: w.rows,
          entry: text(Math.round(w.entryBytes / w.rows), k[0]),
          ledgerBytes: Math.round(w.ledgerBytes / w.rows),
        },
      ];
    }),
  );
  const ledgerName = (k, i) => {
    // One ledger for the log and one for the outcomes; a ledger per subject record, as subject ledgers are.
    if (k === 'subject' && i < subjectRows.length) return `${subjectRows[i].ledger}#f${tag}`;
    const base = k === 'subject' ? `floor:${run}:s:${i}` : `floor:${run}:${k}`;
    return base.padEnd(shape[k].ledgerBytes, '-');
  };
  const commitmentInput = Buffer.alloc(
    32 + Math.round((plan.written.subject?.entryBytes ?? 0) / Math.max(1, plan.written.subject?.rows ?? 1)),
  );
  const leafInput = Buffer.alloc(1 + (shape.log ? shape.log.entry.length : 100));
  const nodeInput = Buffer.alloc(65);
  let hashes = 0;
  const hashFor = () => {
    // The counter in the input keeps every hash distinct, as the real ones are.
    for (const input of [commitmentInput, leafInput, nodeInput]) {
      input.writeUInt32BE(hashes++ >>> 0, 0);
      hash('sha256', input, 'buffer');
    }
  };
  // Rows in the order the recording writes them: per subject its leaf, its records, its outcome.
  const perSubject = Object.fromEntries(kinds.map((k) => [k, shape[k].rows / plan.subjects]));
  const counters = Object.fromEntries(kinds.map((k) => [k, 0]));
  function* rows() {
    for (let i = 0; i < plan.subjects; i++) {
      hashFor();
      for (const k of kinds) {
        while (counters[k] < Math.round((i + 1) * perSubject[k])) {
          const n = counters[k]++;
          yield [ledgerName(k, n), k === 'subject' ? 0 : n, shape[k].entry];
        }
      }
    }
  }
  if (kind === 'postgres') {
    const pg = fromStore('pg');
    const { from: copyFrom } = fromStore('pg-copy-streams');
    const client = new pg.Client({ connectionString: where });
    await client.connect();
    await client.query('BEGIN');
    const stream = client.query(copyFrom('COPY ledger_entries (ledger, idx, entry) FROM STDIN'));
    let chunk = '';
    for (const [ledger, idx, entry] of rows()) {
      chunk += `${ledger}\t${idx}\t${entry}\n`;
      if (chunk.length > 1 << 20) {
        if (!stream.write(chunk)) await new Promise((resolve) => stream.once('drain', resolve));
        chunk = '';
      }
    }
    stream.end(chunk);
    await finished(stream);
    await client.query('COMMIT');
    await client.end();
  } else {
    const Database = fromStore('better-sqlite3');
    const db = new Database(where);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    const recordedAt = new Date().toISOString();
    const size = 500;
    const insert = db.prepare(
      `INSERT INTO ledger_entries (ledger, idx, entry, recorded_at) VALUES ${Array.from({ length: size }, () => '(?, ?, ?, ?)').join(', ')}`,
    );
    const one = db.prepare(
      'INSERT INTO ledger_entries (ledger, idx, entry, recorded_at) VALUES (?, ?, ?, ?)',
    );
    db.transaction(() => {
      let params = [];
      for (const [ledger, idx, entry] of rows()) {
        params.push(ledger, idx, entry, recordedAt);
        if (params.length === size * 4) {
          insert.run(...params);
          params = [];
        }
      }
      for (let i = 0; i < params.length; i += 4)
        one.run(params[i], params[i + 1], params[i + 2], params[i + 3]);
    }).immediate();
    db.close();
  }
}
