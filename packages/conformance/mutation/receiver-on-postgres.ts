import type { ScenarioCase } from '../src/scenarios/types.js';
import type { ReferenceOptions, StoreKind } from '../test/reference-servers.js';

/**
 * The receiver's batch writing (packages/server/src/roles/receiver/write-batch.ts) takes two ways into a
 * store while the ingest workers verify signatures (decision 0038): SQLite's transaction cannot await, so
 * it blocks on the verdicts (`wait`); PostgreSQL's awaits them (`settled`). The judge's other blocks run on
 * SQLite only, so these run the cases that post batches under a signature policy once more on ingest
 * threads and a fresh PostgreSQL database (created and dropped as the suite's own PostgreSQL tests do),
 * one block per policy. Only when the run mutates write-batch.ts (MUTATION_MUTATE, set by
 * scripts/mutation.mjs; a run without it, e.g. the judge started by hand, gets them too): the cost is a
 * database and a few seconds of the dry run, which the release gate or another role's run need not pay.
 */
const WRITE_BATCH = 'packages/server/src/roles/receiver/write-batch.ts';
// Stryker kills a test runner whose mutant times out before its afterAll drops the database: the next
// block to start drops those of ended processes (reference-servers.ts, databasePrefix).
const DATABASE_PREFIX = 'rp_mutation_judge';

/** Whether a Stryker --mutate list (comma-separated globs, `!` excludes) can name WRITE_BATCH. */
export function mutatesWriteBatch(mutate: string | undefined): boolean {
  if (mutate === undefined) return true;
  return (
    mutate
      .split(',')
      .map((pattern) => pattern.trim())
      .filter((pattern) => pattern !== '' && !pattern.startsWith('!'))
      // Up to its first wildcard a glob is a literal path prefix: a file outside it cannot match. (A
      // pattern that only looks as if it could match costs time, never a missed mutant.)
      .some((pattern) => WRITE_BATCH.startsWith(pattern.split(/[*?[{]/)[0]!))
  );
}

export interface PostgresBlock<Block> {
  name: string;
  cases: ScenarioCase[];
  block: Block & { store: StoreKind; options: ReferenceOptions };
}

/**
 * For each signing block of the receiver, its cases that post batches, against servers on PostgreSQL
 * with one ingest thread (the workers verify, so the settling write runs).
 */
export function receiverOnPostgres<Block extends { name: string; options: ReferenceOptions }>(
  cases: readonly ScenarioCase[],
  signingBlocks: readonly Block[],
  blockOf: (c: ScenarioCase) => Block | undefined,
  mutate: string | undefined = process.env.MUTATION_MUTATE,
): PostgresBlock<Block>[] {
  if (!mutatesWriteBatch(mutate)) return [];
  const postsBatches = (c: ScenarioCase) => JSON.stringify(c).includes('"/intake/batches"');
  return signingBlocks
    .map((block) => ({
      name: `receiver (${block.name}, ingest threads, postgres)`,
      cases: cases.filter((c) => blockOf(c) === block && postsBatches(c)),
      block: {
        ...block,
        store: 'postgres' as const,
        options: { ...block.options, ingestThreads: 1, databasePrefix: DATABASE_PREFIX },
      },
    }))
    .filter((b) => b.cases.length > 0);
}
