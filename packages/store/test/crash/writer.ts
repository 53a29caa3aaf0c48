// Child process for the crash tests: appends batches forever and prints each batch number once its
// append has resolved, i.e. once the store has acknowledged it. The parent kills it with SIGKILL.
import { writeSync } from 'node:fs';
import type { StatementStore } from '../../src/index.js';
import { openPostgresStore } from '../../src/postgres/index.js';
import { openSqliteStore } from '../../src/sqlite/index.js';
import { makeStatement } from '../contract/fixtures.js';
import { BATCH_SIZE } from './batch-size.js';

async function main(): Promise<void> {
  const [kind, target, urn] = process.argv.slice(2);
  if (!kind || !target || !urn) throw new Error('usage: writer <sqlite|postgres> <path|url> <urn>');
  const store: StatementStore =
    kind === 'sqlite'
      ? await openSqliteStore({ path: target })
      : await openPostgresStore({ connectionString: target, maxConnections: 2 });
  writeSync(1, 'ready\n');
  for (let batch = 0; ; batch++) {
    const records = Array.from({ length: BATCH_SIZE }, (_, n) => ({
      statement: makeStatement({ urn, localId: `B${batch}-${n}`, grounds: 'x'.repeat(200) }),
    }));
    const result = await store.statements.appendBatch(records);
    if (!result.committed) throw new Error(`batch ${batch} was not committed`);
    writeSync(1, `${batch}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
