import { describe, expect, it } from 'vitest';
import {
  ageOn,
  isTemporaryUpn,
  isValidUln,
  isValidUpn,
  ulnCheckDigit,
  upnCheckLetter,
} from '../src/index.js';

describe('UPN', () => {
  it.each([
    // given, valid
    ['B801200005001', true],
    ['A801200005001', false],
    ['Q801200005002', true],
    ['M80120000500A', true],
    ['B80120000500B', true],
    ['A80120000500A', false],
    ['b801200005001', false],
    ['I801200005001', false],
    ['B80120000500', false],
    ['', false],
  ])('isValidUpn(%j) is %s', (upn, want) => {
    expect(isValidUpn(upn)).toBe(want);
  });

  it.each([
    ['A801200005001', 'B'],
    ['?80120000500A', 'M'],
    ['X801200005002', 'Q'],
    ['short', undefined],
  ])('upnCheckLetter(%j) is %j', (upn, want) => {
    expect(upnCheckLetter(upn)).toBe(want);
  });

  it('tells a temporary UPN by its last character', () => {
    expect([isTemporaryUpn('M80120000500A'), isTemporaryUpn('B801200005001')]).toEqual([true, false]);
  });
});

describe('ULN', () => {
  it.each([
    ['1234567899', true],
    ['1234567890', false],
    ['1000000000', true],
    ['0000000000', false],
    ['123456789', false],
    ['12345678991', false],
  ])('isValidUln(%j) is %s', (uln, want) => {
    expect(isValidUln(uln)).toBe(want);
  });

  it('has no check digit when the remainder is 0', () => {
    expect([ulnCheckDigit('0000000000'), ulnCheckDigit('1234567890')]).toEqual([undefined, 9]);
  });
});

describe('ageOn', () => {
  it.each([
    ['2014-09-03', '2026-09-03T00:30:00+01:00', 12],
    ['2014-09-04', '2026-09-03', 11],
    ['2012-02-29', '2024-02-28', 11],
    ['2012-02-29', '2024-02-29', 12],
    ['2012-02-29', '2025-02-28', 12],
    ['2012-02-29', '2025-03-01', 13],
    ['2015-12-31', '2016-01-01', 0],
    ['2000-02-29', '2100-02-28', 99],
    ['2000-02-29', '2100-03-01', 100],
  ])('born %s, on %s: %i', (dob, on, want) => {
    expect(ageOn(dob, on)).toBe(want);
  });
});
