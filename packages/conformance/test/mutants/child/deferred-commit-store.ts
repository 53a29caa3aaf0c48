import type { BatchOutcome, BatchRecord, StatementStore } from '@reuse-pref/store';

// Statement reads and writes commit the held record first, so no request ever sees it missing.
const COMMIT_FIRST = new Set<string | symbol>([
  'append',
  'bulkInsert',
  'getStatement',
  'listStatements',
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
  let held: BatchRecord | undefined;
  const commitHeld = async () => {
    if (!held) return;
    const record = held;
    held = undefined;
    await inner.appendBatch([record]);
  };
  const appendBatch: StatementStore['appendBatch'] = async (records) => {
    await commitHeld();
    const last = records.at(-1);
    if (records.length < 2 || !last || records.some((r) => 'rejected' in r))
      return inner.appendBatch(records);
    const result = await inner.appendBatch(records.slice(0, -1));
    if (!result.committed) return inner.appendBatch(records);
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
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'appendBatch') return appendBatch;
      if (prop === 'close') {
        return async () => {
          await commitHeld();
          await target.close();
        };
      }
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (!COMMIT_FIRST.has(prop)) return value.bind(target);
      return async (...args: unknown[]) => {
        await commitHeld();
        return value.apply(target, args);
      };
    },
  });
}
