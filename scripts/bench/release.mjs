// Benchmark "release" (issues 5 and 18): a national release on the product's real path. Statements for N
// subjects are loaded through the receiver's bulk intake (NDJSON batches over HTTP, so the preferences
// index is kept by the intake as in production) into each store; then a cohort of about a third of
// them (9.1M of 28M nationally) is decided and recorded from the store, each pass in its own process:
//   decide      the gate over the index held in memory (loaded from the store first, timed apart)
//   decide-db   the gate over the index in the database (PostgreSQL: batches copied into a temporary
//               table and joined; SQLite: point lookups)
//   record      decided and recorded into the store in one streamed transaction, as the distributor does
//   floor       the irreducible work of that recording: the same SHA-256 hashes and the same rows bulk-
//               inserted into the same store, with no logic
// Targets: decide >= 0.5x the faster line-reading pass over the same cohort file; record >= 0.5x its
// floor; peak RSS <= 2 GB at 28M subjects (measured, or from the slope between the two sizes).
//   pnpm bench release [--records N]    sizes N/3 and N (default N = 3,000,000), both stores
//   BENCH_RELEASE_PASSES=decide,decide-db pnpm bench release   deciding only: nothing is written to a
//                                       store, and a store not loaded already is an error, not a reload
//   BENCH_RELEASE_STORES=sqlite pnpm bench release    one store only (loading 3M subjects into both takes
//                                       hours; the disk may hold only one)
//   BENCH_RELEASE_REPEAT=1 pnpm bench release         runs per pass (default 2, the faster counts)
//   BENCH_RELEASE_RELOAD=1 pnpm bench release         load every store afresh even if one is kept: each
//                                       record and floor pass leaves its rows in the store it ran on, and
//                                       recording into a store that holds a dozen earlier releases (and the
//                                       floors' rows beside them) is slower than into a fresh one
// A PostgreSQL store is vacuumed and analysed once loaded (untimed, as autovacuum would before long), and
// the report notes the server's settings (shared_buffers and the rest) with each size's figures.
// Loaded stores are kept in .bench/ (SQLite) and as databases rp_bench_release_<N> (PostgreSQL), and
// reused by the next run; delete them to load afresh. BENCH_RELEASE_DATABASE=<prefix> names the
// PostgreSQL ones <prefix>_<N> instead: a copy to record into (each record pass adds a release to the
// store it runs on), leaving the loaded originals as they were.
import { once } from 'node:events';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from './ingest/runtime.mjs';
import { runPass } from './lib/child.mjs';
import {
  ensurePostgres,
  issuer,
  postgresDatabase,
  postgresSettings,
  runChild,
  startReceiver,
  vacuumAnalyze,
} from './lib/receiver.mjs';
import { thousands } from './lib/table.mjs';
import { cohortLine, hasSecondForm, statementsOf } from './release/population.mjs';

const PASS = fileURLToPath(new URL('./release/pass.mjs', import.meta.url));
const MIN_RATIO = 0.5;
const MAX_RSS_MB = 2048;
const NATIONAL_SUBJECTS = 28_000_000;
const DATABASE_PREFIX = process.env.BENCH_RELEASE_DATABASE || 'rp_bench_release';
if (!/^[a-z_][a-z0-9_]*$/.test(DATABASE_PREFIX))
  throw new Error(`BENCH_RELEASE_DATABASE must be a plain lower-case name, not ${DATABASE_PREFIX}`);
const COHORT_SHARE = 9.1 / 28;
const BATCH = 5000;
// Two in flight: the receiver reads one while it writes the other; more would only queue, and a request
// queued behind a long synchronous SQLite write can miss the server's 10 s headers timeout.
const CONCURRENCY = 2;

export const description =
  'national release on the real path: intake-loaded stores, decide vs line reading and record vs its floor (>= 0.50 each), RSS <= 2 GB at 28M';
export const defaultRecords = 3_000_000;

const statementCount = (subjects) => {
  let n = 0;
  for (let i = 0; i < subjects; i++) n += hasSecondForm(i) ? 2 : 1;
  return n;
};

/** About a third of the subjects, spread over all of them, as one key line each. */
export async function ensureCohort(dataDir, subjects) {
  const size = Math.round(subjects * COHORT_SHARE);
  const path = join(dataDir, `release-cohort-${subjects}.ndjson`);
  if (existsSync(path)) return { path, size };
  const out = createWriteStream(`${path}.tmp`);
  const stride = subjects / size;
  let chunk = '';
  for (let i = 0; i < size; i++) {
    chunk += `${cohortLine(Math.min(subjects - 1, Math.floor(i * stride + (((i * 7919) % 997) / 997) * stride)))}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  renameSync(`${path}.tmp`, path);
  return { path, size };
}

/** Every statement of subjects [0, N) through the receiver's /intake/batches, CONCURRENCY in flight. */
async function loadOverHttp(url, token, subjects) {
  let next = 0;
  let stored = 0;
  async function worker() {
    while (next < subjects) {
      const from = next;
      const to = Math.min(subjects, from + BATCH);
      next = to;
      let body = '';
      for (let i = from; i < to; i++) for (const s of statementsOf(i)) body += `${JSON.stringify(s)}\n`;
      const post = () =>
        fetch(`${url}/intake/batches`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/x-ndjson',
            'idempotency-key': `release-bench-${from}`,
          },
          body,
        });
      // A connection reset on a loaded machine (a request timed out behind a long write) is sent again:
      // the Idempotency-Key makes the retry store the batch once, or answer with the batch's result.
      let response;
      for (let attempt = 1; ; attempt++) {
        try {
          response = await post();
          break;
        } catch (error) {
          if (attempt >= 5) throw error;
          await new Promise((resolve) => setTimeout(resolve, 2000 * attempt));
        }
      }
      const result = await response.json();
      if (response.status >= 300 || !result.committed) {
        throw new Error(`batch at ${from}: ${response.status} ${JSON.stringify(result).slice(0, 300)}`);
      }
      stored += result.counts.stored + result.counts.duplicate;
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return stored;
}

/** A store holding the population for N subjects, loaded through the intake unless kept from a run before. */
export async function ensureStore(kind, subjects, dataDir, jwks, log, { readOnly = false } = {}) {
  const expected = statementCount(subjects);
  let where;
  if (kind === 'sqlite') {
    where = join(dataDir, `release-${subjects}.db`);
  } else {
    ensurePostgres();
    where = (await postgresDatabase(`${DATABASE_PREFIX}_${subjects}`, { reuse: true })).url;
  }
  const status =
    existsSync(where) || kind === 'postgres'
      ? await runChild('status.mjs', [kind, where]).catch(() => undefined)
      : undefined;
  const reload = process.env.BENCH_RELEASE_RELOAD === '1' && !readOnly;
  if (status?.current && status.statements === expected && !reload) {
    log(
      `${kind} ${thousands(subjects)}: reusing the loaded store (${thousands(expected)} statements, index complete)`,
    );
    return { where, load: undefined };
  }
  if (readOnly)
    throw new Error(`${kind} ${thousands(subjects)}: no loaded store to read (${JSON.stringify(status)})`);
  if (kind === 'sqlite')
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${where}${suffix}`, { force: true });
  else where = (await postgresDatabase(`${DATABASE_PREFIX}_${subjects}`)).url;
  log(
    `${kind} ${thousands(subjects)}: loading ${thousands(expected)} statements through the intake (NDJSON batches of ${thousands(BATCH)})`,
  );
  const server = await startReceiver(kind, where, jwks.jwksFile);
  const started = performance.now();
  try {
    await loadOverHttp(server.url, jwks.token, subjects);
  } finally {
    await server.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  log(
    `${kind} ${thousands(subjects)}: loaded in ${seconds.toFixed(0)} s (${thousands(expected / seconds)} statements/s)`,
  );
  if (kind === 'postgres') {
    // Untimed, as autovacuum would in production before long: a freshly bulk-loaded table has no
    // visibility map yet, so every index probe of the passes would visit the heap as well (decision 0048).
    const vacuuming = performance.now();
    await vacuumAnalyze(where);
    log(
      `postgres ${thousands(subjects)}: vacuumed and analysed in ${((performance.now() - vacuuming) / 1000).toFixed(0)} s`,
    );
  }
  return { where, load: { seconds, statements: expected } };
}

/** The fastest wall and CPU time of a pass's runs (the slow ones measure the neighbours), the highest RSS. */
function best(runs) {
  return {
    ...runs[0],
    seconds: Math.min(...runs.map((r) => r.seconds)),
    cpuSeconds: Math.min(...runs.map((r) => r.cpuSeconds)),
    maxRssMB: Math.max(...runs.map((r) => r.maxRssMB)),
  };
}

const PASSES = ['decide', 'decide-db', 'record', 'floor'];
const STORES = ['sqlite', 'postgres'];

/** A comma list from the environment, every item one of `known`; a typo is an error, not a silent skip. */
function listFromEnvironment(name, known) {
  const value = process.env[name];
  if (value === undefined || value === '') return known;
  const items = value.split(',');
  const unknown = items.filter((item) => !known.includes(item));
  if (unknown.length > 0) throw new Error(`${name}: ${unknown.join(', ')} is not one of ${known.join(', ')}`);
  return items;
}

export async function run({
  records,
  dataDir,
  log,
  repeat = Number(process.env.BENCH_RELEASE_REPEAT || 2),
  passes = listFromEnvironment('BENCH_RELEASE_PASSES', PASSES),
  stores = listFromEnvironment('BENCH_RELEASE_STORES', STORES),
}) {
  if (!Number.isInteger(repeat) || repeat < 1)
    throw new Error('BENCH_RELEASE_REPEAT must be a whole number >= 1');
  const recording = passes.includes('record');
  const sizes = records >= 30_000 ? [Math.round(records / 3), records] : [records];
  mkdirSync(dataDir, { recursive: true });
  const jwks = await issuer(dataDir);
  const rows = [['store', 'subjects', 'pass', 'rows', 'wall s', 'CPU s', 'rows/s', 'ratio', 'peak RSS']];
  const checks = [];
  const notes = [];
  const measured = { sqlite: [], postgres: [] };
  for (const subjects of sizes) {
    const cohort = await ensureCohort(dataDir, subjects);
    log(`cohort of ${thousands(cohort.size)} keys (${(statSync(cohort.path).size / 1e6).toFixed(0)} MB)`);
    const lines = best(
      await Promise.all([0, 1].map(() => runPass(PASS, ['lines', cohort.path]))).then((r) => r),
    );
    const batches = best([
      await runPass(PASS, ['batches', cohort.path]),
      await runPass(PASS, ['batches', cohort.path]),
    ]);
    const reading = lines.seconds <= batches.seconds ? lines : batches;
    for (const kind of stores) {
      const store = await ensureStore(kind, subjects, dataDir, jwks, log, { readOnly: !recording });
      const decideRuns = [];
      const dbRuns = [];
      const recordRuns = [];
      const floorRuns = [];
      for (let r = 0; r < repeat; r++) {
        decideRuns.push(await runPass(PASS, ['decide', kind, store.where, cohort.path]));
        dbRuns.push(await runPass(PASS, ['decide-db', kind, store.where, cohort.path]));
        if (!recording) {
          log(
            `${kind} ${thousands(subjects)} run ${r + 1}: decide ${decideRuns.at(-1).seconds.toFixed(2)} s ` +
              `(load ${decideRuns.at(-1).load.seconds.toFixed(1)} s), decide-db ${dbRuns.at(-1).seconds.toFixed(1)} s`,
          );
          continue;
        }
        const recorded = await runPass(PASS, [
          'record',
          kind,
          store.where,
          cohort.path,
          `DR-BENCH-${Date.now()}-${r}`,
        ]);
        recordRuns.push(recorded);
        const plan = join(dataDir, `release-floor-${process.pid}.json`);
        writeFileSync(plan, JSON.stringify({ subjects: cohort.size, written: recorded.written }));
        floorRuns.push(await runPass(PASS, ['floor', kind, store.where, plan]));
        rmSync(plan, { force: true });
        log(
          `${kind} ${thousands(subjects)} run ${r + 1}: decide ${decideRuns.at(-1).seconds.toFixed(2)} s ` +
            `(load ${decideRuns.at(-1).load.seconds.toFixed(1)} s), decide-db ${dbRuns.at(-1).seconds.toFixed(1)} s, ` +
            `record ${recorded.seconds.toFixed(1)} s, floor ${floorRuns.at(-1).seconds.toFixed(1)} s`,
        );
      }
      const decide = best(decideRuns);
      const decideDb = best(dbRuns);
      const record = recording ? best(recordRuns) : undefined;
      const recordFloor = recording ? best(floorRuns) : undefined;
      const load = decideRuns.reduce((a, b) => (a.load.seconds <= b.load.seconds ? a : b)).load;
      const decideRatio = reading.seconds / decide.seconds;
      const decideCpuRatio = reading.cpuSeconds / decide.cpuSeconds;
      const recordRatio = recording ? recordFloor.seconds / record.seconds : undefined;
      const row = (pass, p, ratio = '') => [
        kind,
        thousands(subjects),
        pass,
        thousands(p.records),
        p.seconds.toFixed(2),
        p.cpuSeconds.toFixed(2),
        thousands(p.records / p.seconds),
        ratio,
        `${p.maxRssMB.toFixed(0)} MB`,
      ];
      if (kind === stores[0]) {
        rows.push(row('read lines (readline)', lines));
        rows.push(row('read lines (lineBatches)', batches));
      }
      rows.push(row('decide, index in memory', decide, `${decideRatio.toFixed(2)}x lines`));
      rows.push(
        row(
          'decide, index in database',
          decideDb,
          `${(reading.seconds / decideDb.seconds).toFixed(2)}x lines`,
        ),
      );
      if (recording) {
        rows.push(row('record floor (hashes + rows)', recordFloor));
        rows.push(row('record', record, `${recordRatio.toFixed(2)}x floor`));
      }
      const consistent =
        (!recording || JSON.stringify(decide.counts) === JSON.stringify(record.counts)) &&
        JSON.stringify(decide.counts) === JSON.stringify(decideDb.counts) &&
        decide.counts.total === cohort.size;
      checks.push(
        {
          name: `${kind} ${thousands(subjects)}: decide / line pass >= ${MIN_RATIO} (wall)`,
          value: `${decideRatio.toFixed(2)}x`,
          ok: decideRatio >= MIN_RATIO,
        },
        ...(recording
          ? [
              {
                name: `${kind} ${thousands(subjects)}: record / floor >= ${MIN_RATIO} (wall)`,
                value: `${recordRatio.toFixed(2)}x`,
                ok: recordRatio >= MIN_RATIO,
              },
            ]
          : []),
        {
          name: `${kind} ${thousands(subjects)}: every pass decides every cohort row alike`,
          value: `${thousands(decide.counts.total)} of ${thousands(cohort.size)}`,
          ok: consistent,
        },
      );
      notes.push(
        `${kind} ${thousands(subjects)}: index loaded into memory in ${load.seconds.toFixed(1)} s (${thousands(decide.subjects / load.seconds)} subjects/s, ` +
          `${decide.snapshotMB.toFixed(0)} MB of arrays for ${thousands(decide.subjects)} subjects); decide CPU ratio ${decideCpuRatio.toFixed(2)}x; ` +
          `decide cold (load + decide) ${(reading.seconds / (load.seconds + decide.seconds)).toFixed(2)}x lines` +
          (store.load
            ? `; loaded through the intake at ${thousands(store.load.statements / store.load.seconds)} statements/s`
            : ''),
      );
      if (kind === 'postgres')
        notes.push(`postgres ${thousands(subjects)} server: ${await postgresSettings(store.where)}`);
      measured[kind].push({ subjects, cohort: cohort.size, decide, load, record, recordFloor });
    }
  }
  // Growth from one size to the other, and the national figure from the measured slope.
  for (const kind of stores) {
    const [small, large] = measured[kind];
    if (!large) continue;
    const slope = (f) => (f(large) - f(small)) / (large.subjects - small.subjects);
    const at28 = (f) => f(large) + slope(f) * (NATIONAL_SUBJECTS - large.subjects);
    const fmt = (x, unit) => `${x.toFixed(unit === 's' ? 1 : 0)} ${unit}`;
    const perSubject = (f, m) => `${((f(m) / m.subjects) * 1e6).toFixed(2)}`;
    const decideRss = (m) => m.decide.maxRssMB;
    const recordRss = (m) => (recording ? m.record.maxRssMB : 0);
    const decideTime = (m) => m.decide.seconds;
    const loadTime = (m) => m.load.seconds;
    const recordTime = (m) => (recording ? m.record.seconds : 0);
    const ifRecording = (text) => (recording ? text : '');
    notes.push(
      `${kind} growth ${thousands(small.subjects)} -> ${thousands(large.subjects)} subjects: ` +
        `decide ${perSubject(decideTime, small)} -> ${perSubject(decideTime, large)} s per million subjects, ` +
        `index load ${perSubject(loadTime, small)} -> ${perSubject(loadTime, large)}` +
        ifRecording(`, record ${perSubject(recordTime, small)} -> ${perSubject(recordTime, large)}`) +
        `; peak RSS decide ${decideRss(small).toFixed(0)} -> ${decideRss(large).toFixed(0)} MB` +
        ifRecording(`, record ${recordRss(small).toFixed(0)} -> ${recordRss(large).toFixed(0)} MB`),
    );
    notes.push(
      `${kind} at 28M subjects (cohort 9.1M) by the measured slope: decide ${fmt(at28(decideTime), 's')}, index load ${fmt(at28(loadTime), 's')}` +
        ifRecording(`, record ${fmt(at28(recordTime), 's')}`) +
        `, peak RSS decide ${fmt(at28(decideRss), 'MB')}` +
        ifRecording(`, record ${fmt(at28(recordRss), 'MB')}`),
    );
    checks.push({
      name: `${kind}: peak RSS at 28M subjects <= ${MAX_RSS_MB} MB (by the slope)`,
      value: `decide ${at28(decideRss).toFixed(0)} MB${ifRecording(`, record ${at28(recordRss).toFixed(0)} MB`)}`,
      ok: Math.max(at28(decideRss), at28(recordRss)) <= MAX_RSS_MB,
    });
  }
  notes.push(
    'ratios are wall clock, each pass pinned to one core; the floor and the recording run against the same store in the same run, alternately; PostgreSQL works on the other core',
  );
  return { rows, checks, notes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { parseArgs } = await import('node:util');
  const { formatTable } = await import('./lib/table.mjs');
  const { values } = parseArgs({ options: { records: { type: 'string', default: String(defaultRecords) } } });
  const result = await run({
    records: Number(values.records),
    dataDir: join(root, '.bench'),
    log: (l) => console.log(`   ${l}`),
  });
  console.log(`\n${formatTable(result.rows)}\n`);
  for (const c of result.checks) console.log(`${c.ok ? 'PASS' : 'MISS'}  ${c.name}: ${c.value}`);
  for (const n of result.notes) console.log(`note  ${n}`);
}
