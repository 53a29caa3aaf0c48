import { describe, expect, it } from 'vitest';
import { sameJson } from '../src/scenarios/match.js';
import { withoutServerChoices } from '../src/scenarios/whole-body.js';

/** `equals` at `ptr` as the runner applies it: both sides without the server's choices, then whole. */
const equalAt = (
  got: unknown,
  want: unknown,
  ptr: string,
  chosen: Parameters<typeof withoutServerChoices>[2],
) => sameJson(withoutServerChoices(got, ptr, chosen), withoutServerChoices(want, ptr, chosen));

describe('what a whole-body comparison leaves to the server (except, anyOrder)', () => {
  it('leaves out excepted members on both sides, with * for any one segment, and nothing else', () => {
    const got = {
      items: [
        { at: 'x', v: 1 },
        { at: 'y', v: 2 },
      ],
      clock: 'now',
    };
    const want = { items: [{ v: 1 }, { v: 2 }] };
    expect(equalAt(got, want, '', { except: ['/items/*/at', '/clock'] })).toBe(true);
    expect(equalAt(got, want, '', { except: ['/items/0/at', '/clock'] })).toBe(false);
    expect(equalAt({ ...got, extra: 1 }, want, '', { except: ['/items/*/at', '/clock'] })).toBe(false);
    expect(
      equalAt(
        {
          ...got,
          items: [
            { at: 'x', v: 1 },
            { at: 'y', v: 3 },
          ],
        },
        want,
        '',
        { except: ['/items/*/at', '/clock'] },
      ),
    ).toBe(false);
  });

  it('compares any-order arrays as multisets, and only those', () => {
    const got = { items: [{ p: ['B', 'A'] }, { p: ['C'] }] };
    const anyOrder = ['/items', '/items/*/p'];
    expect(equalAt(got, { items: [{ p: ['C'] }, { p: ['A', 'B'] }] }, '', { anyOrder })).toBe(true);
    expect(equalAt(got, { items: [{ p: ['C'] }, { p: ['B', 'A'] }] }, '', {})).toBe(false);
    // A multiset keeps its counts: one item twice is not two different items.
    expect(equalAt({ items: [1, 1] }, { items: [1, 2] }, '', { anyOrder: ['/items'] })).toBe(false);
  });

  it('reads its patterns from the body, whatever pointer the value was compared at', () => {
    const entry = { releaseId: 'r', salt: 's1' };
    expect(equalAt(entry, { releaseId: 'r', salt: 's2' }, '/entry', { except: ['/entry/salt'] })).toBe(true);
    expect(equalAt(entry, { releaseId: 'r', salt: 's2' }, '/entry', { except: ['/salt'] })).toBe(false);
  });

  it('changes nothing when the scenario names no server choice', () => {
    const v = { b: [2, 1], a: 1 };
    expect(withoutServerChoices(v, '', {})).toBe(v);
  });
});
