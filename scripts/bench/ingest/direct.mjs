// One pass: bulkInsert of statements [0, records) straight into a fresh store, in chunks of `batch`.
// Prints {records, seconds} as its last line.
import { openStoreFrom } from './open-store.mjs';
import { statementsBetween } from './statements.mjs';

const [kind, where, recordsArg, batchArg] = process.argv.slice(2);
const records = Number(recordsArg);
const batch = Number(batchArg);
const store = await openStoreFrom([kind, where]);
const started = performance.now();
let stored = 0;
for (let from = 0; from < records; from += batch) {
  const result = await store.statements.bulkInsert(statementsBetween(from, Math.min(records, from + batch)));
  stored += result.stored;
}
const seconds = (performance.now() - started) / 1000;
await store.close();
if (stored !== records) throw new Error(`stored ${stored} of ${records}`);
console.log(JSON.stringify({ records, seconds }));
