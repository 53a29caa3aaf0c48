import type { OnwardSharePage } from '@reuse-pref/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideOnwardShare } from '../src/index.js';
import { startTestServer, type TestServer } from './helpers/server.js';
import { answers, SCHOOL_A, SCHOOL_B, upn } from './helpers/statements.js';

const A = SCHOOL_A.urn;
const app = { id: 'APP-READING', name: 'Reading Tracker' };
const OBJECTOR = upn(201);
const CONTENT = upn(202);
const NEVER_ASKED = upn(203);
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer('relay');
  await server.store.statements.append(answers(OBJECTOR, [{ purpose: 'APPS', value: 'OBJT' }]));
  await server.store.statements.append(answers(CONTENT, [{ purpose: 'APPS', value: 'NOOB' }]));
  for (const pupil of [OBJECTOR, CONTENT, NEVER_ASKED]) {
    await decideOnwardShare(server.store, { urn: A, app, subject: { upn: pupil } });
  }
});
afterAll(() => server?.close());

const list = async (query: string, scope = `relay:read school:${A}`) => {
  const response = await server.call(`/schools/${A}/onward-shares${query}`, { scope });
  expect(response.status).toBe(200);
  return (await response.json()) as OnwardSharePage;
};

describe('listOnwardShares', () => {
  it('withholds a pupil whose APPS preference says no, and shares the rest (default when never asked)', async () => {
    const page = await list('');
    expect(page.items.map((s) => [s.subject.upn, s.shared, s.default])).toEqual([
      [OBJECTOR, false, false],
      [CONTENT, true, false],
      [NEVER_ASKED, true, true],
    ]);
    expect(page.items[0]!.decidedBy).not.toBeNull();
    expect(page.nextCursor).toBeNull();
  });

  it.each([
    { query: '?shared=false', want: [OBJECTOR] },
    { query: '?shared=true', want: [CONTENT, NEVER_ASKED] },
  ])('filters with $query', async ({ query, want }) => {
    expect((await list(query)).items.map((s) => s.subject.upn)).toEqual(want);
  });

  it('pages with a cursor that resumes where the last page stopped reading', async () => {
    const first = await list('?shared=true&limit=1');
    expect(first.items.map((s) => s.subject.upn)).toEqual([CONTENT]);
    const second = await list(`?shared=true&limit=1&cursor=${first.nextCursor}`);
    expect(second.items.map((s) => s.subject.upn)).toEqual([NEVER_ASKED]);
  });

  it.each([
    {
      given: 'another school',
      path: `/schools/${SCHOOL_B.urn}/onward-shares`,
      scope: `relay:read school:${A}`,
    },
    { given: 'a producer token', path: `/schools/${A}/onward-shares`, scope: `producer:read school:${A}` },
  ])('refuses $given with 403', async ({ path, scope }) => {
    expect((await server.call(path, { scope })).status).toBe(403);
  });

  it('refuses a bad shared filter with 400', async () => {
    const response = await server.call(`/schools/${A}/onward-shares?shared=maybe`, {
      scope: `relay:read school:${A}`,
    });
    expect(response.status).toBe(400);
  });
});
