// Issue 11 (found by the HTTP mutation runs): PUT …/settings accepted `censusReferenceDate: "2026-02-30"`
// and stored it. The settings check read the `date` format with Date.parse, which V8 rolls over to
// 2 March; RFC 3339 (and the contract's CalendarDate) needs a date that exists. Now 422 and nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, startTestServer, type TestServer } from '../helpers/server.js';
import { SCHOOL_A } from '../helpers/statements.js';

const URN = SCHOOL_A.urn;
const scope = `producer:write producer:read school:${URN}`;
const settings = (censusReferenceDate: string) => ({
  urn: URN,
  laEstab: SCHOOL_A.laEstab,
  competenceAge: 12,
  censusReferenceDate,
  currentNotice: { id: 'NOTICE-ADMISSIONS', version: '2026.1', language: 'en' },
});

describe.each(STORE_KINDS)('a census date that is not on the calendar, on the %s store', (store) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('producer', { store });
  }, 60_000);
  afterAll(() => server.close());

  const put = (body: unknown) =>
    server.call(`/schools/${URN}/settings`, {
      method: 'PUT',
      scope,
      headers: { 'content-type': 'application/json', 'if-none-match': '*' },
      body: JSON.stringify(body),
    });

  it.each(['2026-02-30', '2025-02-29', '2026-04-31', '2026-13-01', '2026-00-10'])(
    '%s is 422 naming the field and rule, and nothing is stored',
    async (date) => {
      const res = await put(settings(date));
      expect(res.status).toBe(422);
      const body = await res.json();
      expect(JSON.stringify(body)).toContain('school-settings-schema');
      expect(JSON.stringify(body)).toContain('/censusReferenceDate');
      expect((await server.call(`/schools/${URN}/settings`, { scope })).status).toBe(404);
    },
  );

  it('a leap day in a leap year is accepted', async () => {
    const res = await put(settings('2028-02-29'));
    expect(res.status).toBe(201);
    expect((await res.json()).censusReferenceDate).toBe('2028-02-29');
  });
});
