import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryKey, summarise } from '../../../scripts/mutation/summary.mjs';
import { suiteRoot } from '../src/index.js';

const root = suiteRoot();
interface Entry {
  module: string;
  file: string;
  line: number;
  column: number;
  mutator: string;
  replacement: string;
  end?: { line: number; column: number };
  reason: string;
}
const list = JSON.parse(readFileSync(join(root, 'conformance/equivalent-mutants.json'), 'utf8')) as {
  mutants: Entry[];
};

const mutant = (line: number, status: string, replacement = 'false') => ({
  id: String(line),
  mutatorName: 'BooleanLiteral',
  replacement,
  location: { start: { line, column: 5 }, end: { line, column: 9 } },
  status,
});
const entry = (line: number): Entry => ({
  module: 'resolver',
  file: 'packages/resolver/src/order.ts',
  line,
  column: 5,
  mutator: 'BooleanLiteral',
  replacement: 'false',
  reason: 'test',
});

describe('conformance/equivalent-mutants.json, the checked list of mutants no vector can kill', () => {
  it('names a file that exists, a module pnpm mutation runs, and a reason for every entry', () => {
    for (const e of list.mutants) {
      expect(['resolver', 'validator', 'validator-rules'], entryKey(e)).toContain(e.module);
      expect(existsSync(join(root, e.file)), entryKey(e)).toBe(true);
      expect(e.reason.length, entryKey(e)).toBeGreaterThan(20);
    }
    const keys = list.mutants.map(entryKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is stale when a listed mutant is killed or no longer generated, as a skip list is', () => {
    const report = {
      files: {
        'packages/resolver/src/order.ts': {
          mutants: [mutant(1, 'Survived'), mutant(2, 'Killed'), mutant(3, 'Survived'), mutant(4, 'Ignored')],
        },
      },
    };
    const s = summarise(report, [entry(1), entry(2), entry(9)], 'resolver');
    expect(s.stale).toEqual([
      expect.stringContaining(':2:5 BooleanLiteral "false": listed as equivalent, but the suite kills it'),
      expect.stringContaining(':9:5 BooleanLiteral "false": listed as equivalent, but no longer generated'),
    ]);
    expect(s.total).toMatchObject({ generated: 3, killed: 1, survived: 1, equivalent: 1, ignored: 1 });
    expect(s.survivors).toEqual([expect.stringContaining('order.ts:3:5 BooleanLiteral')]);
  });

  it('tells apart two mutants that start at one place by where an entry says its mutant ends', () => {
    // `a && b` -> true is killed; `a` -> true, from the same column, is the equivalent one.
    const whole = {
      ...mutant(1, 'Killed'),
      location: { start: { line: 1, column: 5 }, end: { line: 1, column: 20 } },
    };
    const first = mutant(1, 'Survived');
    const report = { files: { 'packages/resolver/src/order.ts': { mutants: [whole, first] } } };
    const s = summarise(report, [{ ...entry(1), end: { line: 1, column: 9 } }], 'resolver');
    expect(s.stale).toEqual([]);
    expect(s.total).toMatchObject({ generated: 2, killed: 1, survived: 0, equivalent: 1 });
    // Without `end` the entry is the killed mutant's too, and so stale.
    expect(summarise(report, [entry(1)], 'resolver').stale).toEqual([
      expect.stringContaining(':1:5 BooleanLiteral "false": listed as equivalent, but the suite kills it'),
    ]);
  });
});
