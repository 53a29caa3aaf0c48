import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/server.js';
import { SCHOOL_A, SCHOOL_B, statement } from './helpers/statements.js';

const URN = SCHOOL_A.urn;
const scope = `producer:read producer:write school:${URN}`;
const UPN = 'B801200005001';
let server: TestServer;

// A parent objects to LINK, then the same parent withdraws it: the later statement decides.
const objection = statement({
  expressedAt: '2026-06-01T09:00:00Z',
  recordedAt: '2026-06-01T10:00:00Z',
  choices: [{ purpose: 'LINK', value: 'OBJT' }],
});
const withdrawal = statement({
  expressedAt: '2026-07-01T09:00:00Z',
  recordedAt: '2026-07-01T10:00:00Z',
  choices: [{ purpose: 'LINK', value: 'NOOB' }],
});
const otherPupil = statement({ subject: { upn: 'A801200005007', localId: 'ADM-1' } });

beforeAll(async () => {
  server = await startTestServer('producer', { now: () => new Date('2026-11-01T00:00:00Z') });
  // Stored newest first: every read below must order by expressedAt, never by arrival.
  for (const s of [withdrawal, objection, otherPupil]) await server.store.statements.append(s);
  await server.store.statements.append(statement({ setting: SCHOOL_B }));
});
afterAll(() => server.close());

const get = async (path: string) => {
  const res = await server.call(path, { scope });
  return { res, body: res.status === 304 ? undefined : await res.json() };
};

describe('listStatements', () => {
  it('pages through the school’s statements with opaque cursors, and no other school’s', async () => {
    const first = await get(`/schools/${URN}/statements?limit=2`);
    expect(first.res.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const second = await get(`/schools/${URN}/statements?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((s: { id: string }) => s.id);
    expect(ids).toEqual([withdrawal.id, objection.id, otherPupil.id]);
  });

  it.each([
    ['limit=0', 400],
    ['limit=1001', 400],
    ['limit=ten', 400],
    ['cursor=not*a*cursor', 400],
    ['cursor=Zm9v', 400],
  ])('refuses %s', async (query, status) => {
    const { res, body } = await get(`/schools/${URN}/statements?${query}`);
    expect(res.status).toBe(status);
    expect(body.type).toBe('https://reuse-pref.org/problems/bad-request');
  });
});

describe('getChangeFeed', () => {
  it('resumes after each entry’s cursor and returns the request cursor when nothing is new', async () => {
    const all = await get(`/schools/${URN}/changes`);
    expect(all.body.changes.map((c: { statement: { id: string } }) => c.statement.id)).toEqual([
      withdrawal.id,
      objection.id,
      otherPupil.id,
    ]);
    const fromFirst = await get(`/schools/${URN}/changes?cursor=${all.body.changes[0].cursor}`);
    expect(fromFirst.body.changes).toHaveLength(2);
    const atEnd = await get(`/schools/${URN}/changes?cursor=${all.body.nextCursor}`);
    expect(atEnd.body).toEqual({ changes: [], nextCursor: all.body.nextCursor, hasMore: false });
    const one = await get(`/schools/${URN}/changes?limit=1`);
    expect(one.body.hasMore).toBe(true);
  });
});

describe('a pupil', () => {
  it('listPupilStatements gives the history in expressedAt order, paged', async () => {
    const first = await get(`/schools/${URN}/pupils/${UPN}/statements?limit=1`);
    expect(first.body.items.map((s: { id: string }) => s.id)).toEqual([objection.id]);
    const rest = await get(`/schools/${URN}/pupils/${UPN}/statements?cursor=${first.body.nextCursor}`);
    expect(rest.body).toEqual({ items: [withdrawal], nextCursor: null });
  });

  it('getPupilPreferences resolves the history with the shared resolver', async () => {
    const { res, body } = await get(`/schools/${URN}/pupils/${UPN}/preferences`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(body).toMatchObject({ urn: URN, pupil: UPN, statementCount: 2, latestStatementId: withdrawal.id });
    const link = body.effective.preferences.find((p: { purpose: string }) => p.purpose === 'LINK');
    expect(link).toMatchObject({ shared: true, value: 'NOOB', default: false, decidedBy: withdrawal.id });
  });

  it('asOf evaluates the history at an earlier time', async () => {
    const { body } = await get(`/schools/${URN}/pupils/${UPN}/preferences?asOf=2026-06-15T00:00:00Z`);
    const link = body.effective.preferences.find((p: { purpose: string }) => p.purpose === 'LINK');
    expect(link).toMatchObject({ shared: false, value: 'OBJT', decidedBy: objection.id });
  });

  it.each([
    [`local:ADM-1`, 200],
    ['1234567899', 200],
    ['9999999999', 404],
    ['A801200005007', 200],
    ['local:', 400],
    ['not-a-pupil', 400],
  ])('%s is %i', async (pupil, status) => {
    const { res } = await get(`/schools/${URN}/pupils/${encodeURIComponent(pupil)}/preferences`);
    expect(res.status).toBe(status);
  });
});

describe('getStatement and the service documents', () => {
  it('returns a statement of this school, and 404 for another school’s', async () => {
    expect((await get(`/schools/${URN}/statements/${objection.id}`)).body).toEqual(objection);
    const res = await server.call(`/schools/${SCHOOL_B.urn}/statements/${objection.id}`, {
      scope: `producer:read school:${SCHOOL_B.urn}`,
    });
    expect(res.status).toBe(404);
  });

  it('publishes a capability statement naming the role, limits and catalogue', async () => {
    const { body } = await get('/.well-known/reuse-preference');
    expect(body).toMatchObject({ specVersions: ['1.0.0'], profiles: ['producer'], catalogueVersions: ['1'] });
    expect(body.limits.maxPageSize).toBe(1000);
  });

  it('answers unknown paths with a 404 problem and wrong methods with 405', async () => {
    expect((await server.call('/nowhere')).status).toBe(404);
    expect((await server.call('/health', { method: 'POST' })).status).toBe(405);
  });
});
