import { describe, expect, it } from 'vitest';
import { noneMatchHolds, readWritePrecondition } from '../../src/http/etag.js';
import type { ProblemError } from '../../src/http/problem.js';

const outcome = (ifMatch: string | undefined, ifNoneMatch?: string) => {
  try {
    return readWritePrecondition({ 'if-match': ifMatch, 'if-none-match': ifNoneMatch });
  } catch (error) {
    return (error as ProblemError).type;
  }
};

describe('readWritePrecondition', () => {
  it.each([
    ['"3.9f2c1a0b"', undefined, { kind: 'etag', etag: '"3.9f2c1a0b"' }],
    [' "abc" ', undefined, { kind: 'etag', etag: '"abc"' }],
    ['""', undefined, { kind: 'etag', etag: '""' }],
    ['*', undefined, { kind: 'exists' }],
    [undefined, '*', { kind: 'absent' }],
    [undefined, ' * ', { kind: 'absent' }],
    ['"abc"', '*', { kind: 'unsatisfiable' }],
    ['*', '*', { kind: 'unsatisfiable' }],
    [undefined, undefined, 'precondition-required'],
    ['', undefined, 'precondition-required'],
    ['', '', 'precondition-required'],
    ['W/"abc"', undefined, 'bad-request'],
    ['"a", "b"', undefined, 'bad-request'],
    ['abc', undefined, 'bad-request'],
    [undefined, '"abc"', 'bad-request'],
    ['"abc"', 'W/"abc"', 'bad-request'],
  ])('If-Match %j, If-None-Match %j gives %j', (ifMatch, ifNoneMatch, want) => {
    expect(outcome(ifMatch, ifNoneMatch)).toEqual(want);
  });
});

describe('noneMatchHolds', () => {
  it.each([
    [undefined, false],
    ['"x"', true],
    [' "x" ', true],
    ['W/"x"', true],
    ['"y", "x"', true],
    ['"y"', false],
    ['*', true],
    ['x', false],
    ['', false],
  ])('%j against "x" is %s', (header, want) => {
    expect(noneMatchHolds(header, '"x"')).toBe(want);
  });
});
