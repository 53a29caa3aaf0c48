import { randomUUID } from 'node:crypto';
import { parseInstant, resolve } from '@reuse-pref/resolver';
import { LatestCatalogue, type Statement, type SubjectKey } from '@reuse-pref/schema';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { type KeyPositions, prepareStatement, type StatementStore } from '../../src/index.js';
import { NO_STATEMENTS, RESOLVE_EXACTLY } from '../../src/preferences/snapshot.js';
import { freshUrn, makeStatement, upn } from './fixtures.js';
import type { StoreFactory } from './harness.js';

let nextPupil = 10_000 + Math.floor(Math.random() * 40_000);
let nextUln = Math.floor(Math.random() * 1e6);

/** Identifiers no other test uses: a few UPNs, ULNs and school ids, so statements link in many ways. */
export function freshWorld(schools = 2) {
  const urns = Array.from({ length: schools }, () => freshUrn());
  return {
    urns,
    upns: Array.from({ length: 3 }, () => upn(nextPupil++)),
    ulns: Array.from({ length: 2 }, () => String(9_000_000_000 + nextUln++)),
    locals: [
      { urn: urns[0]!, localId: `ADM-${randomUUID().slice(0, 6)}` },
      { urn: urns[1]!, localId: `ADM-${randomUUID().slice(0, 6)}` },
    ],
  };
}
type World = ReturnType<typeof freshWorld>;

const TIMES = [
  '2023-09-01T08:00:00Z',
  '2024-09-01T08:00:00Z',
  '2025-03-01T12:00:00+01:00',
  '2025-03-01T11:00:00Z',
  '2026-09-01T08:00:00Z',
  '2026-10-14T23:30:00-01:00',
  '2027-01-05T08:00:00.250Z',
];
/** Evaluation times around the statements and around birthdays, some written in another offset. */
const AS_OF = [
  '2023-01-01T00:00:00Z',
  '2024-09-01T08:00:00Z',
  '2025-03-01T10:59:59.999Z',
  '2026-03-01T00:00:00Z',
  '2026-10-15T00:30:00+01:00',
  '2026-10-15T00:30:00Z',
  '2027-01-05T08:00:00.249Z',
  '2028-02-29T00:00:00Z',
  '2031-06-01T00:00:00Z',
];
const BIRTHS = ['2012-03-01', '2014-10-15', '2016-02-29', '2019-01-01'];
const PURPOSES = ['STAT', 'RSXT', 'LINK', 'COMM', 'EDUC'];
const VALUES = ['OBJT', 'NOOB', 'CONS', 'DECL', 'REFU', 'NOBT'] as const;

interface Draft {
  ids: { upn?: number; uln?: number; local?: number; urn: number };
  dateOfBirth?: string;
  role: 'PUP' | 'PAR' | 'CAR';
  person: string;
  basis?: string;
  expressedAt: string;
  recordedAt: string;
  choices: { purpose: string; value: (typeof VALUES)[number] }[];
}

export const draftArb: fc.Arbitrary<Draft> = fc
  .record({
    upn: fc.option(fc.nat(2), { nil: undefined }),
    uln: fc.option(fc.nat(1), { nil: undefined }),
    local: fc.option(fc.nat(1), { nil: undefined }),
    urn: fc.nat(5),
    dateOfBirth: fc.option(fc.constantFrom(...BIRTHS), { nil: undefined }),
    role: fc.constantFrom('PUP', 'PUP', 'PAR', 'CAR') as fc.Arbitrary<Draft['role']>,
    person: fc.constantFrom('C-1', 'C-2'),
    basis: fc.option(fc.constantFrom('ASSD', 'PR12', 'AUTH', 'BINT', 'NA'), { nil: undefined }),
    expressedAt: fc.constantFrom(...TIMES),
    recordedAt: fc.constantFrom(...TIMES),
    choices: fc.uniqueArray(
      fc.record({ purpose: fc.constantFrom(...PURPOSES), value: fc.constantFrom(...VALUES) }),
      { minLength: 1, maxLength: 4, selector: (c) => c.purpose },
    ),
  })
  .map(({ upn, uln, local, urn, ...rest }) => ({
    // At least one identifier: a statement without any names nobody.
    ids:
      upn === undefined && uln === undefined && local === undefined
        ? { upn: 0, urn }
        : { upn, uln, local, urn },
    ...rest,
  })) as fc.Arbitrary<Draft>;

export function build(world: World, draft: Draft): Statement {
  const local = draft.ids.local === undefined ? undefined : world.locals[draft.ids.local]!;
  const base = makeStatement({ urn: local?.urn ?? world.urns[draft.ids.urn % world.urns.length]! });
  const subject: Statement['subject'] = {};
  if (draft.ids.upn !== undefined) subject.upn = world.upns[draft.ids.upn]!;
  if (draft.ids.uln !== undefined) subject.uln = world.ulns[draft.ids.uln]!;
  if (local) subject.localId = local.localId;
  if (draft.dateOfBirth) subject.dateOfBirth = draft.dateOfBirth;
  const statement: Statement = {
    ...base,
    subject,
    expressedBy: { role: draft.role, personRef: draft.role === 'PUP' ? 'P-1' : draft.person },
    expressedAt: draft.expressedAt,
    recordedAt: draft.recordedAt,
    choices: draft.choices as Statement['choices'],
  };
  if (draft.basis) statement.competenceBasis = draft.basis as Statement['competenceBasis'];
  else delete (statement as { competenceBasis?: unknown }).competenceBasis;
  return statement;
}

/** The test's own idea of a subject: statements joined through shared identifiers, transitively. */
function historyOf(all: readonly Statement[], member: SubjectKey): Statement[] {
  const keysOf = (s: Statement) => [
    ...(s.subject.upn ? [`upn:${s.subject.upn}`] : []),
    ...(s.subject.uln ? [`uln:${s.subject.uln}`] : []),
    ...(s.subject.localId ? [`local:${s.setting.urn}:${s.subject.localId}`] : []),
  ];
  const reached = new Set([
    ...(member.upn ? [`upn:${member.upn}`] : []),
    ...(member.uln ? [`uln:${member.uln}`] : []),
  ]);
  const taken = new Set<Statement>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of all) {
      if (taken.has(s) || !keysOf(s).some((k) => reached.has(k))) continue;
      taken.add(s);
      for (const k of keysOf(s)) reached.add(k);
      grew = true;
    }
  }
  return [...taken];
}

type Method = 'append' | 'appendIf' | 'appendBatch' | 'prepared' | 'bulkInsert';

/** Stores statements in the given order, cut into runs each written by one of the append paths. */
async function store(
  target: StatementStore,
  statements: readonly Statement[],
  plan: { method: Method; size: number }[],
) {
  let at = 0;
  for (let step = 0; at < statements.length; step++) {
    const { method, size } = plan[step % plan.length]!;
    const chunk = statements.slice(at, at + size);
    at += chunk.length;
    if (method === 'append') for (const s of chunk) await target.statements.append(s);
    else if (method === 'appendIf') {
      for (const s of chunk) {
        const query = {
          urn: s.setting.urn,
          ...(s.subject.upn ? { upn: s.subject.upn } : {}),
          ...(s.subject.uln ? { uln: s.subject.uln } : {}),
          ...(s.subject.localId ? { localId: s.subject.localId } : {}),
        };
        await target.statements.appendIf(s, query, () => true);
      }
    } else if (method === 'appendBatch') {
      expect((await target.statements.appendBatch(chunk.map((statement) => ({ statement })))).committed).toBe(
        true,
      );
    } else if (method === 'prepared') {
      const records = chunk.map((s) => ({ prepared: prepareStatement(s) }));
      expect((await target.statements.appendBatch(records)).committed).toBe(true);
    } else await target.statements.bulkInsert(chunk);
  }
}

const planArb = fc.array(
  fc.record({
    method: fc.constantFrom<Method>('append', 'appendIf', 'appendBatch', 'prepared', 'bulkInsert'),
    size: fc.integer({ min: 1, max: 5 }),
  }),
  { minLength: 1, maxLength: 4 },
);

export function membersOf(world: World): SubjectKey[] {
  const unknownUpn = upn(nextPupil++);
  return [
    ...world.upns.map((u) => ({ upn: u })),
    ...world.ulns.map((u) => ({ uln: u })),
    { upn: world.upns[0]!, uln: world.ulns[0]! },
    { upn: world.upns[2]!, uln: world.ulns[1]! },
    { upn: unknownUpn },
  ];
}

export async function expectIndexEqualsResolver(
  target: StatementStore,
  statements: readonly Statement[],
  members: readonly SubjectKey[],
) {
  const snapshot = await target.preferences.snapshot();
  for (const asOf of AS_OF) {
    const got = await target.preferences.resolve(members, asOf);
    // The database's set-based answer and the snapshot's are the same answer.
    const inDatabase = await target.preferences.compact(members, parseInstant(asOf));
    expect(inDatabase).toEqual(snapshot.compact(members, parseInstant(asOf)));
    // Read from the places of the keys in a cohort file's bytes, the snapshot answers alike.
    expect(snapshot.compactAt(keyPositions(members), parseInstant(asOf))).toEqual(inDatabase);
    // Asked for some purposes only, each answer is the full one with only those purposes.
    const some = ['RSCH', 'LINK', 'MEDI'];
    const only = await target.preferences.resolve(members, asOf, { purposes: some });
    expect(only).toEqual(got.map((prefs) => prefs.filter((p) => some.includes(p.purpose))));
    members.forEach((member, i) => {
      const want = resolve({ statements: historyOf(statements, member), asOf }).preferences;
      expect(got[i], `${JSON.stringify(member)} at ${asOf}`).toEqual(want);
      const found = snapshot.find(member, parseInstant(asOf));
      if (found === NO_STATEMENTS) expect(historyOf(statements, member)).toEqual([]);
      if (found > 0) {
        want.forEach((p, bit) => {
          expect((snapshot.notShared(found) & (1 << bit)) === 0, `${p.purpose} shared`).toBe(p.shared);
          expect((snapshot.stated(found) & (1 << bit)) === 0, `${p.purpose} default`).toBe(p.default);
        });
      } else expect([NO_STATEMENTS, RESOLVE_EXACTLY]).toContain(found);
    });
  }
}

/** Members written as a cohort file's lines, with the places of their keys in those bytes. */
export function keyPositions(members: readonly SubjectKey[]): KeyPositions {
  const n = members.length;
  const out = {
    count: n,
    upnStart: new Int32Array(n).fill(-1),
    upnEnd: new Int32Array(n).fill(-1),
    ulnStart: new Int32Array(n).fill(-1),
    ulnEnd: new Int32Array(n).fill(-1),
  };
  let text = '';
  members.forEach((m, i) => {
    // Both orders of the two keys, as a writer may emit either.
    const keys = (i % 2 === 0 ? ['upn', 'uln'] : ['uln', 'upn']) as ('upn' | 'uln')[];
    text += '{';
    for (const name of keys) {
      const value = m[name];
      if (value === undefined) continue;
      if (!text.endsWith('{')) text += ',';
      text += `"${name}":"`;
      out[`${name}Start`][i] = text.length;
      text += value;
      out[`${name}End`][i] = text.length;
      text += '"';
    }
    text += '}\n';
  });
  return { ...out, bytes: Buffer.from(text, 'latin1') };
}

/**
 * The effective-preferences index: always what the resolver says over each subject's whole history,
 * whatever order statements arrive in and whichever append path stores them.
 */
export function preferencesContract(open: StoreFactory): void {
  it('equals the resolver over the full history: random histories, arrival orders and append paths', async () => {
    const target = await open();
    await fc.assert(
      fc.asyncProperty(fc.array(draftArb, { minLength: 1, maxLength: 9 }), planArb, async (drafts, plan) => {
        const world = freshWorld();
        const statements = drafts.map((d) => build(world, d));
        await store(target, statements, plan);
        await expectIndexEqualsResolver(target, statements, membersOf(world));
      }),
      { numRuns: 30 },
    );
    expect((await target.preferences.status()).complete).toBe(true);
  }, 240_000);

  it('joins one pupil known by a UPN at one school and a ULN at another once a statement names both', async () => {
    const target = await open();
    const world = freshWorld();
    const [pupilUpn] = world.upns;
    const [pupilUln] = world.ulns;
    const schoolA = makeStatement({
      urn: world.urns[0]!,
      upn: pupilUpn!,
      expressedAt: '2025-09-01T08:00:00Z',
    });
    schoolA.choices = [{ purpose: 'LINK', value: 'OBJT' }];
    const college = makeStatement({
      urn: world.urns[1]!,
      uln: pupilUln!,
      expressedAt: '2026-09-01T08:00:00Z',
    });
    college.choices = [{ purpose: 'COMM', value: 'CONS' }];
    await target.statements.append(schoolA);
    await target.statements.append(college);
    const asOf = '2027-01-01T00:00:00Z';
    const link = (p: { purpose: string }[]) => p.find((x) => x.purpose === 'LINK');
    const comm = (p: { purpose: string }[]) => p.find((x) => x.purpose === 'COMM');
    // Apart, each identifier names its own history; a member naming both is judged on both.
    let [byUpn, byUln, both] = await target.preferences.resolve(
      [{ upn: pupilUpn! }, { uln: pupilUln! }, { upn: pupilUpn!, uln: pupilUln! }],
      asOf,
    );
    expect(link(byUpn!)).toMatchObject({ shared: false, decidedBy: schoolA.id });
    expect(comm(byUpn!)).toMatchObject({ shared: false, default: true });
    expect(link(byUln!)).toMatchObject({ shared: true, default: true });
    expect(both).toEqual(resolve({ statements: [schoolA, college], asOf }).preferences);
    // A form at a third school naming both identifiers links them: one subject from now on.
    const linking = makeStatement({
      urn: freshUrn(),
      upn: pupilUpn!,
      uln: pupilUln!,
      expressedAt: '2026-10-01T08:00:00Z',
    });
    linking.choices = [{ purpose: 'STAT', value: 'OBJT' }];
    await target.statements.append(linking);
    [byUpn, byUln, both] = await target.preferences.resolve(
      [{ upn: pupilUpn! }, { uln: pupilUln! }, { upn: pupilUpn!, uln: pupilUln! }],
      asOf,
    );
    const whole = resolve({ statements: [schoolA, college, linking], asOf }).preferences;
    expect(byUpn).toEqual(whole);
    expect(byUln).toEqual(whole);
    expect(both).toEqual(whole);
    const snapshot = await target.preferences.snapshot();
    const asOfMs = parseInstant(asOf);
    expect(snapshot.find({ upn: pupilUpn! }, asOfMs)).toBe(snapshot.find({ uln: pupilUln! }, asOfMs));
    expect(snapshot.find({ upn: pupilUpn! }, asOfMs)).toBeGreaterThan(0);
  });

  it('refreshes a snapshot with what changed since it was read, merges included', async () => {
    const target = await open();
    const world = freshWorld();
    const first = [0, 1].map((i) =>
      build(world, {
        ids: { upn: i, urn: 0 },
        role: 'PAR',
        person: 'C-1',
        expressedAt: TIMES[1]!,
        recordedAt: TIMES[1]!,
        choices: [{ purpose: 'LINK', value: 'OBJT' }],
      }),
    );
    await target.statements.bulkInsert(first);
    const snapshot = await target.preferences.snapshot();
    const asOf = parseInstant('2030-01-01T00:00:00Z');
    const a = snapshot.find({ upn: world.upns[0]! }, asOf);
    const b = snapshot.find({ upn: world.upns[1]! }, asOf);
    expect(a).toBeGreaterThan(0);
    expect(b).not.toBe(a);
    // Link the two UPNs (one subject now) and withdraw the objection.
    const link = build(world, {
      ids: { upn: 0, uln: 0, urn: 0 },
      role: 'PAR',
      person: 'C-1',
      expressedAt: TIMES[4]!,
      recordedAt: TIMES[4]!,
      choices: [{ purpose: 'LINK', value: 'NOOB' }],
    });
    const link2 = build(world, {
      ids: { upn: 1, uln: 0, urn: 1 },
      role: 'CAR',
      person: 'C-9',
      expressedAt: TIMES[4]!,
      recordedAt: TIMES[4]!,
      choices: [{ purpose: 'COMM', value: 'CONS' }],
    });
    await target.statements.append(link);
    await target.statements.append(link2);
    await snapshot.refresh();
    const merged = snapshot.find({ upn: world.upns[1]! }, asOf);
    expect(snapshot.find({ upn: world.upns[0]! }, asOf)).toBe(merged);
    expect(snapshot.find({ uln: world.ulns[0]! }, asOf)).toBe(merged);
    const fresh = await target.preferences.snapshot();
    const id = fresh.find({ upn: world.upns[1]! }, asOf);
    expect([snapshot.notShared(merged), snapshot.stated(merged)]).toEqual([
      fresh.notShared(id),
      fresh.stated(id),
    ]);
    await expectIndexEqualsResolver(target, [...first, link, link2], membersOf(world));
  });

  it('rebuilds to the same answers with reindex, and reports itself complete', async () => {
    const target = await open();
    const world = freshWorld();
    const statements = fc.sample(draftArb, { numRuns: 12, seed: 42 }).map((d) => build(world, d));
    await target.statements.bulkInsert(statements);
    const members = membersOf(world);
    const before = await target.preferences.resolve(members, AS_OF[5]!);
    const result = await target.preferences.reindex();
    expect(result.statements).toBeGreaterThanOrEqual(statements.length);
    const status = await target.preferences.status();
    expect(status).toMatchObject({
      complete: true,
      current: true,
      competenceAge: 12,
      catalogueVersion: LatestCatalogue.catalogueVersion,
    });
    expect(status.indexedStatements).toBe(status.statements);
    expect(await target.preferences.resolve(members, AS_OF[5]!)).toEqual(before);
    await expectIndexEqualsResolver(target, statements, members);
  }, 120_000);

  it('refuses to answer for another competence age than it was built for', async () => {
    const target = await open();
    await expect(
      target.preferences.resolve([{ upn: upn(nextPupil++) }], AS_OF[0]!, { competenceAge: 13 }),
    ).rejects.toThrow(/competence age 12/);
  });
}
