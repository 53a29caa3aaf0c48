import { describe, expect, it } from 'vitest';
import { requireIfMatch } from '../../src/http/etag.js';
import type { ProblemError } from '../../src/http/problem.js';

const outcome = (header: string | undefined) => {
  try {
    return requireIfMatch(header);
  } catch (error) {
    return (error as ProblemError).type;
  }
};

describe('requireIfMatch', () => {
  it.each([
    ['"3.9f2c1a0b"', '"3.9f2c1a0b"'],
    [' "abc" ', '"abc"'],
    ['*', '*'],
    [undefined, 'precondition-required'],
    ['', 'precondition-required'],
    ['W/"abc"', 'bad-request'],
    ['"a", "b"', 'bad-request'],
    ['abc', 'bad-request'],
  ])('%j gives %s', (header, want) => {
    expect(outcome(header)).toBe(want);
  });
});
