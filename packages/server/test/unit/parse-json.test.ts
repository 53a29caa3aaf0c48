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
  ])('%j gives %s', (text, want) => {
    expect(problemType(text)).toBe(want);
  });

  it('keeps Object.prototype clean', () => {
    expect(problemType('{"__proto__":{"polluted":true}}')).toBe('forbidden-key');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
