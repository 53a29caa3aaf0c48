import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NO_STATEMENTS,
  PreferenceSnapshot,
  RESOLVE_EXACTLY,
  type SnapshotSink,
} from '../src/preferences/snapshot.js';
import { keyPositions } from './contract/preferences.js';

interface Row {
  notShared: number;
  stated: number;
  settledFrom: number;
  exact: boolean;
}

/**
 * A source fed by the test: each read hands over what was added since the last (the keys, then the
 * rows), and the first read may say how much room to make (or not, or too little).
 */
function source(expectFirst: 'exact' | 'short' | 'none') {
  const keys: [string, number][] = [];
  const rows = new Map<number, Row>();
  let readKeys = 0;
  const readRows = new Set<number>();
  let reads = 0;
  return {
    keys,
    rows,
    read: async (_since: unknown, sink: SnapshotSink) => {
      if (reads++ === 0 && expectFirst !== 'none') {
        const n = keys.length;
        const maxSubject = Math.max(0, ...rows.keys());
        sink.expect(expectFirst === 'exact' ? { keys: n, maxSubject } : { keys: 3, maxSubject: 2 });
      }
      for (; readKeys < keys.length; readKeys++) sink.key(...keys[readKeys]!);
      for (const [id, r] of rows) {
        if (readRows.has(id)) continue;
        readRows.add(id);
        sink.subject(id, r.notShared, r.stated, r.settledFrom, r.exact);
      }
      return reads;
    },
  };
}

const upn = (i: number) => `A${String(i).padStart(11, '0')}${'0123456789ABCDEFGHJKLMNPQRTUVWXYZ'[i % 33]}`;
const uln = (i: number) => String(1_000_000_000 + i);

describe('PreferenceSnapshot', () => {
  it('finds every key and row whether the source said how many, said too few, or said nothing, across refreshes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<'exact' | 'short' | 'none'>('exact', 'short', 'none'),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 7 }),
        async (expectFirst, first, later, spread) => {
          const src = source(expectFirst);
          const subjectOf = (i: number) => 1 + i * spread;
          const add = (from: number, to: number) => {
            for (let i = from; i < to; i++) {
              src.keys.push([`upn:${upn(i)}`, subjectOf(i)]);
              if (i % 3 === 0) src.keys.push([`uln:${uln(i)}`, subjectOf(i)]);
              src.keys.push([`local:100001:${i}`, subjectOf(i)]);
              src.rows.set(subjectOf(i), {
                notShared: (i * 2654435761) >>> 0,
                stated: i & 0xffff,
                settledFrom: i * 1000,
                exact: i % 11 !== 5,
              });
            }
          };
          add(0, first);
          const snapshot = new PreferenceSnapshot(src, 11);
          await snapshot.refresh();
          add(first, first + later);
          await snapshot.refresh();
          const n = first + later;
          expect(snapshot.subjects).toBe(n);
          const asOf = 1500 * 1000;
          // Compared whole, not member by member: one expectation for all of them.
          const got: number[][] = [];
          const want: number[][] = [];
          for (let i = 0; i < n; i++) {
            const id = i % 11 === 5 || i * 1000 > asOf ? RESOLVE_EXACTLY : subjectOf(i);
            const bits = id > 0 ? [(i * 2654435761) >>> 0, i & 0xffff] : [];
            want.push([id, i % 3 === 0 ? id : 0, ...bits]);
            const found = snapshot.find({ upn: upn(i) }, asOf);
            got.push([
              found,
              i % 3 === 0 ? snapshot.find({ upn: upn(i), uln: uln(i) }, asOf) : 0,
              ...(found > 0 ? [snapshot.notShared(found), snapshot.stated(found)] : []),
            ]);
          }
          expect(got).toEqual(want);
          expect(snapshot.find({ upn: upn(n) }, asOf)).toBe(NO_STATEMENTS);
          expect(snapshot.find({ uln: uln(n + 1) }, asOf)).toBe(NO_STATEMENTS);
          // A UPN and a ULN naming two subjects cannot be answered from the compact form.
          if (n > 3) expect(snapshot.find({ upn: upn(1), uln: uln(3) }, asOf)).toBe(RESOLVE_EXACTLY);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('answers compactAt as compact, into the arrays it is given, odd keys and unread rows included', async () => {
    const src = source('exact');
    src.keys.push(['upn:A00000000001B', 1], ['uln:1000000001', 1], ['upn:not-a-upn', 2], ['uln:12', 3]);
    src.keys.push(['upn:A00000000004B', 4]);
    src.rows.set(1, { notShared: 5, stated: 7, settledFrom: 0, exact: true });
    src.rows.set(2, { notShared: 1, stated: 1, settledFrom: -5, exact: true });
    src.rows.set(3, { notShared: 2, stated: 2, settledFrom: 10, exact: false });
    // Subject 4 has a key but no row yet (a merge between the two reads): it cannot answer.
    const snapshot = new PreferenceSnapshot(src, 11);
    await snapshot.refresh();
    const members = [
      { upn: 'A00000000001B' },
      { uln: '1000000001', upn: 'A00000000001B' },
      { upn: 'not-a-upn' },
      { uln: '12' },
      { upn: 'A00000000004B' },
      { upn: 'B00000000001B' },
      { upn: 'not-a-upn', uln: '1000000001' },
    ];
    const want = snapshot.compact(members, 100);
    expect(Array.from(want.found)).toEqual([
      1,
      1,
      2,
      RESOLVE_EXACTLY,
      RESOLVE_EXACTLY,
      NO_STATEMENTS,
      RESOLVE_EXACTLY,
    ]);
    expect(Array.from(want.notShared)).toEqual([5, 5, 1, 0, 0, 0, 0]);
    const into = {
      found: new Int32Array(9).fill(9),
      notShared: new Uint32Array(9).fill(9),
      stated: new Uint32Array(9).fill(9),
    };
    const got = snapshot.compactAt(keyPositions(members), 100, into);
    expect(got).toBe(into);
    expect(Array.from(got.found.subarray(0, 7))).toEqual(Array.from(want.found));
    expect(Array.from(got.notShared.subarray(0, 7))).toEqual(Array.from(want.notShared));
    expect(Array.from(got.stated.subarray(0, 7))).toEqual(Array.from(want.stated));
  });

  it('answers compactAt as compact for a batch of any length, whichever block of it a member is in', async () => {
    // compactAt takes a batch through its loops a block at a time (512 members); a member's answer must
    // not depend on where the blocks fall, on the block being full, or on its neighbours' keys.
    const src = source('exact');
    const subjects = 1500;
    for (let i = 0; i < subjects; i++) {
      const subject = 1 + ((i * 7919) % subjects);
      src.keys.push([`upn:${upn(i)}`, subject]);
      if (i % 2 === 0) src.keys.push([`uln:${uln(i)}`, subject]);
      src.rows.set(subject, {
        notShared: (subject * 2654435761) >>> 0,
        stated: subject & 0x7ff,
        settledFrom: subject % 13 === 0 ? 5000 : 0,
        exact: subject % 17 !== 3,
      });
    }
    src.keys.push(['upn:not-a-upn', 2]);
    const snapshot = new PreferenceSnapshot(src, 11);
    await snapshot.refresh();
    // Members: a stored UPN, with its own ULN, with another subject's ULN, an unknown UPN, a ULN alone,
    // an odd key, or no key at all.
    const member = fc.oneof(
      fc.nat(subjects - 1).map((i) => ({ upn: upn(i) })),
      fc.nat(subjects - 1).map((i) => ({ upn: upn(i), uln: uln(i - (i % 2)) })),
      fc.tuple(fc.nat(subjects - 1), fc.nat(subjects - 1)).map(([i, j]) => ({ upn: upn(i), uln: uln(j) })),
      fc.nat(subjects - 1).map((i) => ({ upn: upn(subjects + i) })),
      fc.nat(subjects - 1).map((i) => ({ uln: uln(i) })),
      fc.constant({ upn: 'not-a-upn' }),
      fc.constant({}),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(member, { minLength: 1, maxLength: 1400, size: 'max' }),
        fc.constantFrom(100, 6000),
        async (members, asOf) => {
          const want = snapshot.compact(members, asOf);
          const got = snapshot.compactAt(keyPositions(members), asOf);
          expect([Array.from(got.found), Array.from(got.notShared), Array.from(got.stated)]).toEqual([
            Array.from(want.found),
            Array.from(want.notShared),
            Array.from(want.stated),
          ]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses a catalogue wider than its 32-bit masks', () => {
    expect(() => new PreferenceSnapshot(source('none'), 33)).toThrow(/at most 32 purposes/);
  });
});
