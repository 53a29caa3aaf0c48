import {
  ledgerEntry,
  lockedLedgersOf,
  type OrderedRun,
  orderRun,
  placeRun,
  prefixRange,
  readRange,
  runLedgersToLookUp,
  runOf,
} from '../ledgers/placement.js';
import type { JsonValue } from '../ports/json.js';
import type { LedgerAppend, LedgerEntry, LedgerStream, Ledgers } from '../ports/ledgers.js';
import { type PostgresConnection, type Queryable, type RetryPolicy, UNIQUE_VIOLATION } from './connection.js';
import { copyRun } from './ledger-copy.js';
import { LOCK_LEDGER_APPEND } from './migrations.js';

/** The names of `sorted` that are not in `others` (both sorted as `<` compares), by one walk of each. */
function outside(sorted: readonly string[], others: readonly string[]): string[] {
  if (others.length === 0) return sorted.slice();
  const kept: string[] = [];
  let j = 0;
  for (const name of sorted) {
    while (j < others.length && others[j]! < name) j++;
    if (j === others.length || others[j] !== name) kept.push(name);
  }
  return kept;
}

interface LedgerDbRow {
  ledger: string;
  idx: string;
  entry: string;
  recorded_at: Date;
}

const toEntry = (row: LedgerDbRow) =>
  ledgerEntry(row.ledger, Number(row.idx), row.recorded_at.toISOString(), row.entry);

// A bulk append locks only the ledgers it asserts a position in (see appendAll); on the others the primary
// key (ledger, idx) is what keeps two writers apart, and the loser of such a race runs again. Each loss
// means another writer committed, so with N writers at once a transaction loses at most N - 1 times.
const RETRY_ON_RACE: RetryPolicy = { codes: new Set([UNIQUE_VIOLATION]), attempts: 10 };
// Ledger names per lookup of their current ends.
const LOOKUP_CHUNK = 10_000;

export class PostgresLedgers implements Ledgers {
  readonly #db: PostgresConnection;

  constructor(connection: PostgresConnection) {
    this.#db = connection;
  }

  /** Each ledger's current length (inside a transaction when given its client). */
  async #ends(client: Queryable, ledgers: readonly string[]): Promise<Map<string, number>> {
    const ends = new Map<string, number>();
    for (let start = 0; start < ledgers.length; start += LOOKUP_CHUNK) {
      const names = ledgers.slice(start, start + LOOKUP_CHUNK);
      // One index probe per name (the newest idx of each), rather than grouping every entry they hold.
      // The ends come back as one text, in the names' order: a release asks for thousands a run, and a
      // row per name (an object, its name's text decoded again) cost more to read than to look up.
      const { rows } = await client.query<{ ends: string | null }>(
        `SELECT string_agg(COALESCE((SELECT MAX(idx) + 1 FROM ledger_entries WHERE ledger = name), 0)::text, ','
                           ORDER BY position) AS ends
           FROM unnest($1::text[]) WITH ORDINALITY AS names(name, position)`,
        [names],
      );
      const found = rows[0]?.ends?.split(',') ?? [];
      if (found.length !== names.length)
        throw new Error(`ledger ends: ${found.length} for ${names.length} ledgers`);
      for (let i = 0; i < names.length; i++) ends.set(names[i]!, Number(found[i]));
    }
    return ends;
  }

  async append(ledger: string, entry: JsonValue, options?: { expectedIndex?: number }): Promise<LedgerEntry> {
    const json = JSON.stringify(entry);
    const run = orderRun(runOf([{ ledger, json, expectedIndex: options?.expectedIndex }]));
    return this.#db.transaction(async (client) => {
      // Appends to one ledger queue on its lock, so each reads the end the one before it left.
      await this.#db.lock(client, LOCK_LEDGER_APPEND, ledger);
      const [index] = placeRun(run, await this.#ends(client, [ledger]));
      // One row, and its recorded_at (the transaction's time) back: an INSERT, where COPY returns nothing.
      const { rows } = await client.query<LedgerDbRow>(
        `INSERT INTO ledger_entries (ledger, idx, entry) VALUES ($1, $2, $3)
         RETURNING ledger, idx, entry, recorded_at`,
        [ledger, index, json],
      );
      return toEntry(rows[0]!);
    }, RETRY_ON_RACE);
  }

  async appendAll(entries: readonly LedgerAppend[]): Promise<void> {
    if (entries.length === 0) return;
    // Inserted in one order (ledger, then index) by every bulk append, so two of them that share ledgers
    // wait for each other instead of deadlocking.
    const run = orderRun(runOf(entries));
    // A release touches a ledger per subject: one advisory lock each would exhaust PostgreSQL's lock
    // table at national scale. So only the ledgers whose position the caller asserts past 0 are locked
    // (a transparency log, say), in sorted order, as a stream locks them; the rest rely on the primary
    // key, a ledger opened (0) too: two writers opening one ledger both place it at 0, and the loser's
    // run again finds it taken.
    const asserted = lockedLedgersOf(run.run);
    await this.#db.transaction(async (client) => {
      for (const ledger of asserted) await this.#db.lock(client, LOCK_LEDGER_APPEND, ledger);
      // Every ledger's end is looked up, those the entries open too: one opened over an existing ledger
      // is then a LedgerConflictError here, not a primary-key violation (which would be run again).
      await copyRun(client, run, placeRun(run, await this.#ends(client, run.ledgers)));
    }, RETRY_ON_RACE);
  }

  /**
   * One transaction on a connection of its own, held until commit or abort. Runs are written one after
   * another in the order added, and a run may be added before the one before it is written: its
   * ledgers' committed ends are then read at once on another connection, while the runs before it are
   * still being copied in, so the probes of a release's scattered subject ledgers (one per subject) are
   * off the transaction's path. A run is placed from the best ends known when its turn comes: for the
   * ledgers it asserts a position in (locked first, and kept locked) and every ledger locked before,
   * as this transaction sees them; for a ledger the run before wrote, where that run left it; for the
   * rest, the committed ends read ahead. A ledger that has moved since (this stream's own entry of an
   * earlier run, another writer's commit) makes the copy fail on the primary key: the run is undone to
   * a savepoint and placed again from the ends as this transaction sees them, so nothing is ever placed
   * past a gap or over an entry. Ledgers nobody asserts a position in rely on the primary key, as in
   * appendAll: a writer committing between that read and the copy fails one of the two.
   */
  async appendStream(_options?: { exclusive?: boolean }): Promise<LedgerStream> {
    const client = await this.#db.pool.connect();
    let open = true;
    const end = async (sql: 'COMMIT' | 'ROLLBACK') => {
      if (!open) return;
      open = false;
      try {
        await client.query(sql);
      } finally {
        client.release();
      }
    };
    try {
      await client.query('BEGIN');
    } catch (error) {
      open = false;
      client.release();
      throw error;
    }
    const locked = new Set<string>();
    // Where this transaction has left each locked ledger: nobody else moves them while it holds the lock.
    const lockedEnds = new Map<string, number>();
    // Each ledger the last run wrote, with its end after that run (this transaction's own entries in it).
    let lastRun = new Map<string, number>();
    // The ledgers of the run added last, sorted: the next run places those from lastRun, never from a
    // read ahead.
    let lastAdded: readonly string[] = [];
    let savepoint = false;
    // The runs handed over so far, settled one after another.
    let writing: Promise<void> = Promise.resolve();
    // Set by abort: runs still queued then are not written.
    let aborting = false;
    const ended = () => new Error('this ledger stream has ended');
    // Every await here waits for a turn of an event loop the caller keeps busy (the gate deciding the
    // next run), so a run costs as few round trips as it can: none to read the ends of ledgers already
    // locked, and its savepoint sent ahead of the copy, not awaited on its own.
    const write = async (run: OrderedRun, committed: Promise<Map<string, number>>) => {
      if (!open || aborting) throw ended();
      const { ledgers } = run;
      try {
        const newlyLocked: string[] = [];
        // A ledger opened at 0 needs no lock: the primary key refuses a second index 0.
        for (const ledger of lockedLedgersOf(run.run)) {
          if (locked.has(ledger)) continue;
          await this.#db.lock(client, LOCK_LEDGER_APPEND, ledger);
          locked.add(ledger);
          newlyLocked.push(ledger);
        }
        if (newlyLocked.length > 0) {
          for (const [ledger, end] of await this.#ends(client, newlyLocked)) lockedEnds.set(ledger, end);
        }
        const ahead = await committed;
        const ends = new Map<string, number>();
        for (const ledger of ledgers) {
          ends.set(ledger, lockedEnds.get(ledger) ?? lastRun.get(ledger) ?? ahead.get(ledger) ?? 0);
        }
        let placed = placeRun(run, ends);
        // The run before's savepoint released and this run's taken, in one statement sent ahead of the
        // copy; should it fail, so does the copy behind it.
        client
          .query(savepoint ? 'RELEASE SAVEPOINT ledger_run; SAVEPOINT ledger_run' : 'SAVEPOINT ledger_run')
          .catch(() => undefined);
        savepoint = true;
        try {
          await copyRun(client, run, placed);
          lastRun = ends;
        } catch (error) {
          if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
          await client.query('ROLLBACK TO SAVEPOINT ledger_run');
          const seen = await this.#ends(client, ledgers);
          placed = placeRun(run, seen);
          await copyRun(client, run, placed);
          lastRun = seen;
        }
        for (const ledger of locked) {
          const end = lastRun.get(ledger);
          if (end !== undefined) lockedEnds.set(ledger, end);
        }
      } catch (error) {
        await end('ROLLBACK').catch(() => undefined);
        throw error;
      }
    };
    return {
      add: (entries) => {
        if (!open) return Promise.reject(ended());
        // Sorted now, once: placed in this order, the rows are already in the primary key's order.
        const run = orderRun(runOf(entries));
        // Read now, on another connection, while earlier runs are still being written. Not the ledgers
        // the run before also writes (a release's outcomes, in every run): their ends come from that
        // run, and on another connection a probe of one steps over every entry this transaction has
        // added to it and not yet committed, so reading it every run grew with the square of the
        // release (the 3M-subject bench's largest database cost: decision 0052).
        const committed = this.#ends(
          this.#db.reader,
          outside(
            runLedgersToLookUp(run).filter((ledger) => !locked.has(ledger)),
            lastAdded,
          ),
        );
        lastAdded = run.ledgers;
        // Awaited in its turn; a failure before then must not count as unhandled.
        committed.catch(() => undefined);
        const written = writing.then(() => write(run, committed));
        writing = written.catch(() => undefined);
        return written;
      },
      commit: async () => {
        await writing;
        if (!open) throw ended();
        await end('COMMIT');
      },
      abort: async () => {
        aborting = true;
        await writing;
        await end('ROLLBACK');
      },
    };
  }

  async read(ledger: string, range?: { from?: number; limit?: number }): Promise<LedgerEntry[]> {
    const { from, limit } = readRange(range);
    const { rows } = await this.#db.reader.query<LedgerDbRow>(
      `SELECT ledger, idx, entry, recorded_at FROM ledger_entries
        WHERE ledger = $1 AND idx >= $2 ORDER BY idx LIMIT $3`,
      [ledger, from, limit],
    );
    return rows.map(toEntry);
  }

  async readUnder(prefix: string, range?: { from?: number; limit?: number }): Promise<LedgerEntry[]> {
    const { from, limit } = readRange(range);
    const bounds = prefixRange(prefix);
    // The ledger column compares bytewise (COLLATE "C", migration 7), so the bounds are one range of the key.
    const { rows } = await this.#db.reader.query<LedgerDbRow>(
      `SELECT ledger, idx, entry, recorded_at FROM ledger_entries
        WHERE ledger >= $1 AND ledger < $2 ORDER BY ledger, idx OFFSET $3 LIMIT $4`,
      [bounds.from, bounds.to, from, limit],
    );
    return rows.map(toEntry);
  }

  async count(ledger: string): Promise<number> {
    // Indexes are dense from 0, so the length is the newest index + 1: one probe of the primary key,
    // where COUNT(*) would visit every entry of a long ledger (a national release log).
    return (await this.#ends(this.#db.reader, [ledger])).get(ledger)!;
  }
}
