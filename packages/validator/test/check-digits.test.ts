import { describe, expect, it } from 'vitest';
import { isTemporaryUpn, isValidUln, isValidUpn, ulnCheckDigit, upnCheckLetter } from '../src/index.js';

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
