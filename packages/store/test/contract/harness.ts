import type { Finding } from '@reuse-pref/schema';
import { afterEach, expect } from 'vitest';
import type { StatementStore, StoredStatement } from '../../src/index.js';

/** Opens a store on the implementation's test database; called again, it opens the same database. */
export type StoreFactory = () => Promise<StatementStore>;

/**
 * Wraps a factory so every store a test opens is closed after it. Call inside a describe block; tests
 * share one database per implementation, so each uses its own schools, keys and ledgers.
 */
export function closingAfterEach(openStore: StoreFactory): StoreFactory {
  const opened: StatementStore[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });
  return async () => {
    const store = await openStore();
    opened.push(store);
    return store;
  };
}

export const finding: Finding = {
  rule: 'upn-check-letter',
  severity: 'error',
  pointer: '/subject/upn',
  message: 'subject.upn: the check letter is wrong',
};

export async function readAll(store: StatementStore, urn: string, limit: number): Promise<StoredStatement[]> {
  const all: StoredStatement[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await store.statements.list(urn, after === undefined ? { limit } : { after, limit });
    all.push(...page.items);
    if (page.nextCursor === null) return all;
    after = page.nextCursor;
  }
}

export const ids = (items: readonly StoredStatement[]) => items.map((item) => item.statement.id);

/** JSON whose keys would pollute prototypes if a store rebuilt it with plain assignment. */
export const hostile = () =>
  JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');

/** The value came back as plain data: the same keys, an ordinary prototype, and no prototype touched. */
export function expectPlainData(value: object): void {
  expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
  expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  expect(JSON.stringify(value)).toBe(JSON.stringify(hostile()));
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
}

/** Text that trips up encodings: scripts, combining marks, emoji sequences, NUL, a lone surrogate. */
export const HARD_TEXTS = [
  'Dŵr, tŷ a chwarae: Cymraeg',
  'لا نوافق على المشاركة',
  '我们不同意 👨‍👩‍👧‍👦 🏳️‍🌈',
  'e\u0301 vs \u00e9',
  'nul \u0000 inside',
  'lone \ud800 surrogate',
];
