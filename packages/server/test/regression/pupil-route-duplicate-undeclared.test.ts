// Issue 12: the pupil-scoped POST …/pupils/{pupil}/statements answered `200 duplicate` for a statement it
// already held, which openapi.yaml did not declare for recordPupilStatement (it did for submitStatement).
// The server was right: a resend after a lost response must learn its statement is held, not be told
// its own write made the ETag stale. The contract now declares the 200, with the current ETag and the
// statement's Location, and says it holds whatever the precondition.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatorFor } from '../../../client/test/support/schemas.js';
import { STORE_KINDS, startTestServer, type TestServer } from '../helpers/server.js';
import { SCHOOL_A, statement } from '../helpers/statements.js';

const PUPIL = 'B801200005001';
const scope = `producer:write producer:read school:${SCHOOL_A.urn}`;
const receipt = validatorFor('./schemas/statement-receipt.schema.json');

describe.each(STORE_KINDS)('resending a statement to the pupil route, on the %s store', (store) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('producer', { store });
  }, 60_000);
  afterAll(() => server.close());

  const record = (body: unknown, headers: Record<string, string>) =>
    server.call(`/schools/${SCHOOL_A.urn}/pupils/${PUPIL}/statements`, {
      method: 'POST',
      scope,
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('is 200 duplicate with the current ETag and Location, even with the now stale If-Match', async () => {
    const first = statement();
    const created = await record(first, { 'if-none-match': '*' });
    expect(created.status).toBe(201);
    const etag = created.headers.get('etag');
    // The retry carries what the first attempt carried.
    const retries: Record<string, string>[] = [
      { 'if-none-match': '*' },
      { 'if-match': '"what-the-office-read"' },
    ];
    for (const headers of retries) {
      const again = await record(first, headers);
      expect(again.status).toBe(200);
      expect(again.headers.get('content-type')).toBe('application/json');
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('location')).toBe(`/schools/${SCHOOL_A.urn}/statements/${first.id}`);
      const body = await again.json();
      expect(receipt(body), JSON.stringify(receipt.errors)).toBe(true);
      expect(body).toMatchObject({ statementId: first.id, outcome: 'duplicate' });
    }
    expect(await server.store.statements.pupilHistory({ upn: PUPIL, urn: SCHOOL_A.urn })).toHaveLength(1);
  });

  it('the same id with other content is still 409, not 200', async () => {
    const first = statement({ expressedAt: '2026-09-10T08:00:00Z', recordedAt: '2026-09-10T09:00:00Z' });
    const etag = (
      await server.call(`/schools/${SCHOOL_A.urn}/pupils/${PUPIL}/preferences`, { scope })
    ).headers.get('etag')!;
    expect((await record(first, { 'if-match': etag })).status).toBe(201);
    const changed = { ...first, choices: [{ purpose: 'STAT', value: 'OBJT' }] };
    const res = await record(changed, { 'if-match': etag });
    expect(res.status).toBe(409);
  });
});
