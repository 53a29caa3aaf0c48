import { describe, expect, it } from 'vitest';
import { wholeBodyDifference } from '../src/scenarios/whole-body.js';

describe('whole-body comparison (RFC 8785 canonical JSON)', () => {
  const sent = { id: 'a', choices: [{ purpose: 'STAT', value: 'NOOB', grounds: 'g' }], n: 1 };

  it('is indifferent to member order and number spelling, as canonical JSON is', () => {
    expect(
      wholeBodyDifference(
        { n: 1.0, choices: [{ grounds: 'g', value: 'NOOB', purpose: 'STAT' }], id: 'a' },
        sent,
      ),
    ).toBe(undefined);
  });

  it.each([
    [
      'a member dropped',
      { id: 'a', choices: [{ purpose: 'STAT', value: 'NOOB' }], n: 1 },
      '/choices/0/grounds missing',
    ],
    ['a member added', { ...sent, extra: true }, '/extra not expected'],
    ['a member rewritten', { ...sent, n: 2 }, '/n is 2, want 1'],
    [
      'an array reordered',
      { ...sent, choices: [...sent.choices, { purpose: 'LINK', value: 'OBJT' }].reverse() },
      '/choices has 2',
    ],
    ['a string for a number', { ...sent, n: '1' }, '/n is "1", want 1'],
  ])('names the first difference when %s', (_what, got, message) => {
    expect(wholeBodyDifference(got, sent)).toContain(message);
  });

  it('leaves out excepted members on both sides, with * for any one segment', () => {
    const got = {
      items: [
        { at: 'x', v: 1 },
        { at: 'y', v: 2 },
      ],
      clock: 'now',
    };
    const want = { items: [{ v: 1 }, { v: 2 }] };
    expect(wholeBodyDifference(got, want, { except: ['/items/*/at', '/clock'] })).toBe(undefined);
    expect(wholeBodyDifference(got, want, { except: ['/items/0/at', '/clock'] })).toContain('/items/1/at');
  });

  it('compares any-order arrays as multisets, and only those', () => {
    const got = { items: [{ p: ['B', 'A'] }, { p: ['C'] }] };
    expect(
      wholeBodyDifference(
        got,
        { items: [{ p: ['C'] }, { p: ['A', 'B'] }] },
        { anyOrder: ['/items', '/items/*/p'] },
      ),
    ).toBe(undefined);
    expect(wholeBodyDifference(got, { items: [{ p: ['C'] }, { p: ['B', 'A'] }] })).toBeDefined();
    // A multiset keeps its counts: one copy twice is not two different items.
    expect(wholeBodyDifference({ items: [1, 1] }, { items: [1, 2] }, { anyOrder: ['/items'] })).toBeDefined();
  });

  it('refuses a body that was not JSON', () => {
    expect(wholeBodyDifference(undefined, sent)).toBe('no JSON body');
  });
});
