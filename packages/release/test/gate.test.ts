import { CatalogueV1, type EffectivePreference } from '@reuse-pref/schema';
import { describe, expect, it } from 'vitest';
import {
  type CohortMember,
  decideSubject,
  evaluateRelease,
  prepareRequest,
  subjectFromKeyLine,
} from '../src/index.js';
import { pref, request, upn } from './fixtures.js';

const immigration = prepareRequest(request(), CatalogueV1);

describe('decideSubject', () => {
  it.each<{ given: string; prefs: EffectivePreference[]; want: string; basis: string; overridden: string[] }>(
    [
      {
        given: 'nobody objected to IMMI or LINK',
        prefs: [pref('IMMI', true), pref('LINK', true)],
        want: 'INCL',
        basis: 'default',
        overridden: [],
      },
      {
        given: 'a parent said no objection to both',
        prefs: [pref('IMMI', true, true), pref('LINK', true, true)],
        want: 'INCL',
        basis: 'stated',
        overridden: [],
      },
      {
        given: 'an objection to IMMI, which S2P4 may override',
        prefs: [pref('IMMI', false, true), pref('LINK', true)],
        want: 'OVRD',
        basis: 'stated',
        overridden: ['IMMI'],
      },
      {
        given: 'an objection to LINK, which S2P4 may not override',
        prefs: [pref('IMMI', true), pref('LINK', false, true)],
        want: 'EXCL',
        basis: 'stated',
        overridden: [],
      },
      {
        given: 'objections to both: the LINK block excludes the whole subject',
        prefs: [pref('IMMI', false, true), pref('LINK', false, true)],
        want: 'EXCL',
        basis: 'stated',
        overridden: ['IMMI'],
      },
    ],
  )('$given: $want', ({ prefs, want, basis, overridden }) => {
    const got = decideSubject(immigration, prefs, 'S2P4');
    expect(got.outcome).toBe(want);
    expect(got.basis).toBe(basis);
    expect(got.purposes.filter((p) => p.overriddenBy === 'S2P4').map((p) => p.purpose)).toEqual(overridden);
  });

  it('never blocks EDUC, whatever preference arrives for it', () => {
    const educ = prepareRequest(request({ purposes: ['EDUC'], exemption: undefined }), CatalogueV1);
    const got = decideSubject(educ, [pref('EDUC', false, true)], undefined);
    expect(got.outcome).toBe('INCL');
    expect(got.purposes[0]).toMatchObject({ purpose: 'EDUC', shared: true });
    expect(decideSubject(educ, [], undefined).outcome).toBe('INCL');
  });

  it('excludes a never-asked subject from a consent purpose, by default', () => {
    const comm = prepareRequest(request({ purposes: ['COMM'], exemption: undefined }), CatalogueV1);
    expect(decideSubject(comm, [pref('COMM', false)], undefined)).toMatchObject({
      outcome: 'EXCL',
      basis: 'default',
    });
  });

  it('lets an exemption override only the purposes the catalogue lists for it', () => {
    const anon = prepareRequest(
      request({ purposes: ['COMM', 'AIDV'], exemption: { code: 'ANON', citation: 'Anonymised' } }),
      CatalogueV1,
    );
    expect(anon.purposes.map((p) => p.overridable)).toEqual([true, false]);
    expect(decideSubject(anon, [pref('COMM', false), pref('AIDV', true, true)], 'ANON').outcome).toBe('OVRD');
    expect(decideSubject(anon, [pref('COMM', true, true), pref('AIDV', false, true)], 'ANON').outcome).toBe(
      'EXCL',
    );
  });

  it('refuses a purpose the catalogue does not have', () => {
    expect(() => prepareRequest(request({ purposes: ['ZZZZ'] }), CatalogueV1)).toThrow(/ZZZZ/);
  });

  it('stops rather than guess when a requested purpose has no preference', () => {
    expect(() => decideSubject(immigration, [pref('IMMI', true)], 'S2P4')).toThrow(/LINK/);
  });
});

describe('evaluateRelease', () => {
  it('streams a cohort to outcomes and counts by outcome and by stated vs default', async () => {
    const plan: [boolean, boolean, boolean][] = [
      // [IMMI shared, LINK shared, stated]
      [true, true, false],
      [true, true, false],
      [true, true, true],
      [false, true, true],
      [true, false, true],
      [false, false, true],
    ];
    async function* cohort(): AsyncGenerator<CohortMember> {
      for (const [i, [immi, link, stated]] of plan.entries()) {
        yield {
          subject: { upn: upn(i) },
          preferences: [pref('IMMI', immi, stated), pref('LINK', link, stated)],
        };
      }
    }
    const seen: string[] = [];
    const decision = await evaluateRelease(request(), cohort(), {
      decidedAt: '2026-10-02T10:00:00Z',
      onSubject: (r) => {
        seen.push(`${r.subject.upn}:${r.outcome}`);
      },
    });
    expect(seen).toEqual(
      plan.map((_, i) => `${upn(i)}:${['INCL', 'INCL', 'INCL', 'OVRD', 'EXCL', 'EXCL'][i]}`),
    );
    expect(decision.counts).toEqual({
      total: 6,
      included: 3,
      excluded: 2,
      overridden: 1,
      decidedByStatement: 4,
      decidedByDefault: 2,
      byOutcome: {
        INCL: { stated: 1, default: 2 },
        EXCL: { stated: 2, default: 0 },
        OVRD: { stated: 1, default: 0 },
      },
    });
    // Counting alone (no sink) and batched input take another path; the counts must not differ.
    const members: CohortMember[] = [];
    for await (const m of cohort()) members.push(m);
    const quiet = await evaluateRelease(request(), [members.slice(0, 2), members[2]!, members.slice(3)]);
    expect(quiet.counts).toEqual(decision.counts);
    expect(decision).toMatchObject({
      dsReference: 'DR230101.02',
      catalogueVersion: '1',
      decidedAt: '2026-10-02T10:00:00Z',
    });
  });
});

describe('subjectFromKeyLine', () => {
  it.each([
    { given: '{"upn":"B801200005001"}', want: { upn: 'B801200005001' } },
    { given: '{"uln":"1234567899"}', want: { uln: '1234567899' } },
    { given: '{"localId":"ADM 00412"}', want: { localId: 'ADM 00412' } },
    { given: '{"upn":"B80\\u0031200005001"}', want: { upn: 'B801200005001' } },
    { given: '{ "upn" : "B801200005001" }', want: { upn: 'B801200005001' } },
    {
      given: '{"upn":"B801200005001","uln":"1234567899"}',
      want: { upn: 'B801200005001', uln: '1234567899' },
    },
    { given: '{"upn":""}', want: undefined },
    { given: '{"name":"x"}', want: undefined },
    { given: 'B801200005001', want: undefined },
  ])('$given', ({ given, want }) => {
    expect(subjectFromKeyLine(given)).toEqual(want);
  });
});
