import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createValidator, validateHistory } from '../src/index.js';
import { example, mutatedStatement } from './arbitraries.js';

const validator = createValidator({ now: '2026-11-01T00:00:00Z', censusDate: '2026-10-01' });

/** A well-formed result: no throw, findings with rule, severity, pointer and a message naming the rule. */
function checkResult(value: unknown) {
  const result = validator.validate(value);
  expect(result.valid).toBe(result.errors.length === 0);
  for (const f of [...result.errors, ...result.queries]) {
    expect(f.pointer === '' || f.pointer.startsWith('/')).toBe(true);
    expect(f.message).toContain(`(rule ${f.rule})`);
  }
  return result;
}

const mutated = mutatedStatement;

describe('validate never throws', () => {
  it('on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => void checkResult(v)),
      { numRuns: 1000 },
    );
  });

  it('on arbitrary JSON text parsed with JSON.parse, "__proto__" keys included', () => {
    const keyed = fc.dictionary(
      fc.constantFrom('__proto__', 'constructor', 'toString', 'subject', 'id'),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(keyed, (obj) => void checkResult(JSON.parse(JSON.stringify(obj)))),
      { numRuns: 500 },
    );
  });

  it('on mutated valid statements', () => {
    fc.assert(
      fc.property(mutated, (s) => void checkResult(s)),
      { numRuns: 1500 },
    );
  });

  it.each([
    ['undefined', undefined],
    ['a BigInt', 10n],
    ['a function', () => 1],
    ['a symbol', Symbol('s')],
    ['a Date', new Date(0)],
    ['a Map', new Map()],
    ['a statement with a BigInt inside', { ...example, specVersion: 1n }],
    ['a statement with a symbol id', { ...example, id: Symbol('id') }],
    ['a statement with a function choice', { ...example, choices: [() => 1] }],
  ])('on %s from a JS caller', (_name, value) => {
    expect(checkResult(value).valid).toBe(false);
  });

  it('on a value whose getter throws', () => {
    const hostile = { ...example };
    Object.defineProperty(hostile, 'subject', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(checkResult(hostile).errors.map((f) => [f.rule, f.pointer])).toEqual([['field-type', '']]);
  });

  it('on a cyclic object', () => {
    const cyclic: Record<string, unknown> = { ...example };
    cyclic.subject = cyclic;
    expect(checkResult(cyclic).valid).toBe(false);
  });

  it('leaves Object.prototype alone', () => {
    validator.validate(
      JSON.parse('{"__proto__": {"polluted": true}, "subject": {"__proto__": {"upn": "x"}}}'),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('validateHistory never throws', () => {
  it('on arbitrary arrays of JSON values', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), (list) => void validateHistory(list as never)),
      { numRuns: 500 },
    );
  });

  it('on values that are not arrays', () => {
    expect(validateHistory(null as never)).toEqual([]);
  });
});

describe('the example statement', () => {
  it('is valid with no queries', () => {
    expect(validator.validate(example)).toEqual({ valid: true, errors: [], queries: [] });
  });
});
