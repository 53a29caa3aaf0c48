import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/http/parse-json.js';
import { ProblemError } from '../../src/http/problem.js';

const limits = { maxDepth: 4 };
const problemType = (text: string): string | undefined => {
  try {
    parseJson(text, limits);
    return undefined;
  } catch (error) {
    return error instanceof ProblemError ? error.type : 'thrown';
  }
};

describe('parseJson', () => {
  it.each([
    ['{"a":[{"b":[1]}]}', undefined],
    ['{"a":[{"b":[[1]]}]}', 'too-deep'],
    ['"[[[[[[[[[["', undefined],
    ['"\\"[[[[[[[[["', undefined],
    ['{"a":', 'invalid-json'],
    ['', 'invalid-json'],
    ['{"__proto__":1}', 'forbidden-key'],
    ['{"a":{"constructor":{}}}', 'forbidden-key'],
    ['{"prototype":null}', 'forbidden-key'],
    ['["__proto__"]', undefined],
    ['{"a":"x\\u0000y"}', 'nul-character'],
    ['{"a\\u0000":1}', 'nul-character'],
    ['{"a":"\u0000"}', 'nul-character'],
    // Found through an escape: the walk must run whenever the text has one.
    ['{"__pro\\u0074o__":1}', 'forbidden-key'],
    ['{"a":{"constr\\u0075ctor":{}}}', 'forbidden-key'],
    // Named in a value, not a key: the walk runs and finds nothing to refuse.
    ['{"a":"constructor","b":["__proto__"]}', undefined],
    // An escaped backslash followed by "u0000" is text, not NUL.
    ['{"a":"x\\\\u0000"}', undefined],
  ])('%j gives %s', (text, want) => {
    expect(problemType(text)).toBe(want);
  });

  it('refuses exactly what a walk over every key and string would, however the text is written', () => {
    const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];
    const reference = (value: unknown, isKey = false): string | undefined => {
      if (typeof value === 'string') return value.includes('\u0000') ? 'nul-character' : undefined;
      if (typeof value !== 'object' || value === null) return undefined;
      if (Array.isArray(value)) {
        for (const item of value) {
          const found = reference(item);
          if (found) return found;
        }
        return undefined;
      }
      for (const key of Object.keys(value)) {
        if (FORBIDDEN.includes(key)) return 'forbidden-key';
        if (key.includes('\u0000')) return 'nul-character';
        const found = reference((value as Record<string, unknown>)[key], isKey);
        if (found) return found;
      }
      return undefined;
    };
    const text = fc.oneof(fc.string(), fc.constantFrom(...FORBIDDEN, 'a\u0000b', 'x\\u0074'));
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.integer(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(text, tie('value'), { maxKeys: 3 }),
      ),
    })).value;
    // The same value with every character of every key and string written as a \uXXXX escape.
    const u = (t: string) =>
      `"${[...t].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"`;
    const escapeAll = (v: unknown): string => {
      if (typeof v === 'string') return u(v);
      if (Array.isArray(v)) return `[${v.map(escapeAll).join(',')}]`;
      if (typeof v === 'object' && v !== null) {
        return `{${Object.entries(v)
          .map(([k, x]) => `${u(k)}:${escapeAll(x)}`)
          .join(',')}}`;
      }
      return JSON.stringify(v);
    };
    fc.assert(
      fc.property(json, fc.boolean(), (value, escaped) => {
        const written = escaped ? escapeAll(value) : JSON.stringify(value);
        let got: string | undefined;
        try {
          parseJson(written, { maxDepth: 100 });
        } catch (error) {
          got = error instanceof ProblemError ? error.type : 'thrown';
        }
        return got === reference(JSON.parse(written));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps Object.prototype clean', () => {
    expect(problemType('{"__proto__":{"polluted":true}}')).toBe('forbidden-key');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
