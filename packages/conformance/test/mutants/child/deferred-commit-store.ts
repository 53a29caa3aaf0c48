import type { BatchOutcome, BatchRecord, StatementStore, Statements } from '@reuse-pref/store';

// Statement reads and writes commit the held record first, so no request ever sees it missing.
const COMMIT_FIRST = new Set<string | symbol>([
  'append',
  'appendIf',
  'bulkInsert',
  'get',
  'list',
  'changes',
  'pupilHistory',
]);

/**
 * A store that acknowledges a batch before its last record is committed: the record is held in memory
 * and committed on the next statement read or write, or on a clean close. Every request, and every clean
 * restart, sees it; only a crash between the acknowledgement and the next request loses it. That is the
 * "group commit" shortcut (or a skipped fsync) that a black-box run without kill -9 never notices.
 */
export function deferLastRecordOfBatch(inner: StatementStore): StatementStore {
  const statements = inner.statements;
  let held: BatchRecord | undefined;
  const commitHeld = async () => {
    if (!held) return;
    const record = held;
    held = undefined;
    await statements.appendBatch([record]);
  };
  const appendBatch: Statements['appendBatch'] = async (records) => {
    await commitHeld();
    const last = records.at(-1);
    if (records.length < 2 || !last || records.some((r) => 'rejected' in r))
      return statements.appendBatch(records);
    // Only a record that is new can be acknowledged as stored before it is: one the school holds already,
    // or that an earlier line repeats, is a duplicate or a conflict, which the real store must decide.
    const lastKey = heldKey(last);
    if (
      records.slice(0, -1).some((r) => heldKey(r).id === lastKey.id) ||
      (await statements.get(lastKey.id, lastKey.urn))
    )
      return statements.appendBatch(records);
    const result = await statements.appendBatch(records.slice(0, -1));
    if (!result.committed) return statements.appendBatch(records);
    held = last;
    const before = result.outcomes.at(-1) as Extract<BatchOutcome, { cursor: string }>;
    const id = 'statement' in last ? last.statement.id : (last as { prepared: { id: string } }).prepared.id;
    return {
      ...result,
      outcomes: [
        ...result.outcomes,
        { index: records.length - 1, outcome: 'stored', id, cursor: before.cursor },
      ],
      counts: { ...result.counts, stored: result.counts.stored + 1 },
    };
  };
  const deferred = new Proxy(statements, {
    get(target, prop, receiver) {
      if (prop === 'appendBatch') return appendBatch;
      // Without the settling append a receiver settles its batches first and comes to appendBatch above.
      if (prop === 'appendBatchSettling') return undefined;
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (!COMMIT_FIRST.has(prop)) return value.bind(target);
      return async (...args: unknown[]) => {
        await commitHeld();
        return value.apply(target, args);
      };
    },
  });
  return {
    statements: deferred,
    idempotency: inner.idempotency,
    schools: inner.schools,
    batches: inner.batches,
    ledgers: inner.ledgers,
    ping: () => inner.ping(),
    preferences: inner.preferences,
    verifications: inner.verifications,
    async close() {
      await commitHeld();
      await inner.close();
    },
  };
}

/** The id and school of a record that was read (not rejected), whichever form the batch gives it in. */
function heldKey(record: BatchRecord): { id: string; urn: string } {
  if ('statement' in record)
    return { id: record.statement.id.toLowerCase(), urn: record.statement.setting.urn };
  if ('prepared' in record) return { id: record.prepared.id.toLowerCase(), urn: record.prepared.urn };
  return { id: record.id?.toLowerCase() ?? '', urn: '' };
}
