import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/postgres/index.js';
import { freshUrn } from '../contract/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../postgres/cluster.js';

// The bug: a PostgreSQL ledger stream read the committed end of every ledger of each run ahead, on
// another connection, including a ledger the run before had written too (a release's outcomes ledger,
// in every run). That probe steps over every entry this transaction has added to the ledger and not yet
// committed, so a release's reads grew with the square of its size: at 3M subjects the ends query was
// the database's largest cost. A ledger the run before wrote is placed from that run, never read ahead.

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

describe('a ledger stream on PostgreSQL', () => {
  it('reads ahead the end of a ledger every run writes once, and still places its entries densely', async () => {
    const store = await openPostgresStore({ connectionString: database.url });
    const shared = `outcomes-${freshUrn()}`;
    const looked: string[][] = [];
    const query = pg.Client.prototype.query;
    // Every ledger-ends query this process sends, on either connection, with the names it asks for.
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const [config, values] = args as [unknown, unknown[] | undefined];
      const text = typeof config === 'string' ? config : (config as { text?: string } | undefined)?.text;
      if (text?.includes('MAX(idx) + 1') && Array.isArray(values?.[0])) looked.push(values[0] as string[]);
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    try {
      const stream = await store.ledgers.appendStream();
      const runs = [];
      for (let run = 0; run < 6; run++) {
        runs.push(
          stream.add([
            ...Array.from({ length: 50 }, (_, n) => ({ ledger: shared, json: `${run * 50 + n}` })),
            { ledger: `${shared}#${run}`, json: '"own"', expectedIndex: 0 },
            { ledger: `${shared}-every-other`, json: `${run}` },
          ]),
        );
        if (run % 2 === 1) await Promise.all(runs);
      }
      await Promise.all(runs);
      await stream.commit();
    } finally {
      pg.Client.prototype.query = query;
    }
    expect(looked.filter((names) => names.includes(shared))).toHaveLength(1);
    const entries = await store.ledgers.read(shared, { limit: 1000 });
    expect(entries.map((e) => [e.index, e.entry])).toEqual(Array.from({ length: 300 }, (_, i) => [i, i]));
    expect((await store.ledgers.read(`${shared}-every-other`)).map((e) => e.entry)).toEqual([
      0, 1, 2, 3, 4, 5,
    ]);
    await store.close();
  }, 60_000);
});
