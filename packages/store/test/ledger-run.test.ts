import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LedgerConflictError } from '../src/errors.js';
import {
  lockedLedgersOf,
  orderRun,
  placeRun,
  runLedgersToLookUp,
  runOf,
  runOpenedOverExisting,
} from '../src/ledgers/placement.js';
import { LedgerRun } from '../src/ledgers/run.js';
import { copyRows } from '../src/postgres/ledger-copy.js';

/** COPY's text format as the stores wrote it before runs were bytes: each field's text escaped, then joined. */
const copyEscaped = (text: string) =>
  text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));

interface Given {
  ledger: string;
  json: string;
  again?: number;
}

/** A LedgerRun of the entries given (an `again` entry repeats an earlier entry's text), written in pieces. */
function runOfGiven(given: readonly Given[]): LedgerRun {
  const run = new LedgerRun(1);
  const rows: number[] = [];
  for (const e of given) {
    const earlier = e.again === undefined ? undefined : rows[e.again % Math.max(1, rows.length)];
    if (earlier !== undefined) rows.push(run.again(e.ledger, earlier));
    else {
      // Written in two pieces where it can be split: a text is the concatenation of its pieces.
      // (Never between the two halves of a surrogate pair: each piece is encoded on its own.)
      const half = Math.floor(e.json.length / 2);
      const cut = /[\ud800-\udbff]/.test(e.json.charAt(half - 1)) ? half + 1 : half;
      run.write(e.json.slice(0, cut));
      run.write(e.json.slice(cut));
      rows.push(run.close(e.ledger));
    }
  }
  return run;
}

const textOf = (given: readonly Given[], i: number): string => {
  const e = given[i]!;
  if (e.again === undefined || i === 0) return e.json;
  return textOf(given, e.again % i);
};

// Ledger names and texts with every character COPY escapes, other Unicode (two-byte, three-byte, astral)
// and plain ASCII; names drawn from a few so that ledgers repeat.
const piece = fc.constantFrom('a', 'z', '0', ':', '\\', '\t', '\n', '\r', '"', 'é', '€', '😀', ' ', '{');
const text = fc.array(piece, { maxLength: 12 }).map((cs) => cs.join(''));
const givenEntries = fc.array(
  fc.record(
    {
      ledger: fc.oneof(fc.constantFrom('log', 'outcomes', 'b\\t', 'c\td'), text),
      json: text,
      again: fc.nat(50),
    },
    { requiredKeys: ['ledger', 'json'] },
  ),
  { maxLength: 40 },
);

describe('LedgerRun', () => {
  it('keeps each entry text as given, an again entry sharing an earlier one, past its initial room', () => {
    const run = new LedgerRun(1);
    const long = 'ü'.repeat(50_000);
    const first = run.add('a', long);
    const second = run.again('b', first, 7);
    run.write('{"x":');
    run.write('"€"}');
    const third = run.close('c');
    for (let i = 0; i < 3000; i++) run.add(`l${i}`, `[${i}]`);
    expect(run.length).toBe(3003);
    expect(run.text(first).toString('utf8')).toBe(long);
    expect(run.text(second).toString('utf8')).toBe(long);
    expect(run.text(third).toString('utf8')).toBe('{"x":"€"}');
    expect(run.text(3002).toString('utf8')).toBe('[2999]');
    expect([run.ledger(second), run.expectedIndex(second), run.expectedIndex(first)]).toEqual([
      'b',
      7,
      undefined,
    ]);
  });

  it('orders entries by ledger (code unit order), each ledger keeping the order added, as keyOrderedRun does', () => {
    fc.assert(
      fc.property(givenEntries, (given) => {
        const { order, ledgers } = orderRun(runOfGiven(given));
        const expected = given
          .map((e, i) => ({ ledger: e.ledger, i }))
          .sort((a, b) => (a.ledger < b.ledger ? -1 : a.ledger > b.ledger ? 1 : a.i - b.i));
        expect([...order]).toEqual(expected.map((e) => e.i));
        expect(ledgers).toEqual([...new Set(expected.map((e) => e.ledger))]);
      }),
    );
  });

  it('writes COPY rows byte for byte as escaping and joining each field did, at any index', () => {
    fc.assert(
      fc.property(givenEntries, fc.array(fc.nat(), { maxLength: 5 }), (given, starts) => {
        const ordered = orderRun(runOfGiven(given));
        const next = new Map(ordered.ledgers.map((ledger, i) => [ledger, starts[i] ?? i * 97]));
        const indexes = placeRun(ordered, new Map(next));
        let expected = '';
        ordered.order.forEach((row, at) => {
          expected += `${copyEscaped(given[row]!.ledger)}\t${indexes[at]}\t${copyEscaped(textOf(given, row))}\n`;
        });
        expect(copyRows(ordered, indexes).toString('utf8')).toBe(expected);
      }),
    );
  });

  it('places each ledger from its end, and refuses a position that does not hold', () => {
    const ordered = orderRun(
      runOf([
        { ledger: 'b', json: '1' },
        { ledger: 'a', entry: 'x', expectedIndex: 4 },
        { ledger: 'b', json: '2', expectedIndex: 10 },
      ]),
    );
    expect([
      ...placeRun(
        ordered,
        new Map([
          ['a', 4],
          ['b', 9],
        ]),
      ),
    ]).toEqual([4, 9, 10]);
    expect(() => placeRun(ordered, new Map([['b', 9]]))).toThrow(LedgerConflictError);
    expect(ordered.run.text(1).toString()).toBe('"x"');
  });

  it('looks up and locks neither a ledger it opens (index 0), and says which opened one was taken', () => {
    const ordered = orderRun(
      runOf([
        { ledger: 'log', json: '1', expectedIndex: 3 },
        { ledger: 'c#2', json: '2', expectedIndex: 0 },
        { ledger: 'c#1', json: '3', expectedIndex: 0 },
        { ledger: 'outcomes', json: '4' },
        { ledger: 'log', json: '5' },
      ]),
    );
    expect(runLedgersToLookUp(ordered)).toEqual(['log', 'outcomes']);
    expect(lockedLedgersOf(ordered.run)).toEqual(['log']);
    const ends = new Map([['c#2', 1]]);
    const endOf = (ledger: string) => ends.get(ledger) ?? 0;
    expect(runOpenedOverExisting(ordered, 0, endOf)).toMatchObject({
      ledger: 'c#2',
      expectedIndex: 0,
      actualIndex: 1,
    });
    // From the third entry in key order (c#1, c#2, log, log, outcomes) on: no ledger opened.
    expect(runOpenedOverExisting(ordered, 2, endOf)).toBeUndefined();
    expect(runOpenedOverExisting(ordered, 0, () => 0)).toBeUndefined();
  });
});
