import type { PupilPreferences } from '@reuse-pref/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatorFor } from '../../../client/test/support/schemas.js';
import { STORE_KINDS, startTestServer, type TestServer } from '../helpers/server.js';
import { SCHOOL_A, statement, upn } from '../helpers/statements.js';

// Found by the contract fuzz (issue 12) after the R4 fix of issue 11 item 4: the preferences route gave
// the resolver no subject at all, so that the date of birth would come from the statements. The resolver
// then names the latest eligible statement's subject, and at an `asOf` before every statement there is
// none: the 200 carried `effective.subject: {}`, which the contract refuses (a subject has an identifier).
// The route now gives the pupil's identifiers without a date of birth.
const PUPIL = upn(5151);
const form = statement({
  subject: { upn: PUPIL, dateOfBirth: '2014-05-01' },
  expressedAt: '2026-09-01T08:00:00Z',
  recordedAt: '2026-09-01T09:00:00Z',
  choices: [{ purpose: 'LINK', value: 'OBJT' }],
});
const pupilPreferences = validatorFor('./schemas/pupil-preferences.schema.json');

describe.each(STORE_KINDS)('preferences at an asOf before every statement (%s)', (kind) => {
  let producer: TestServer;
  beforeAll(async () => {
    producer = await startTestServer('producer', { store: kind });
    await producer.store.statements.append(form);
  }, 60_000);
  afterAll(() => producer?.close());

  it.each([
    ['before every statement', '2000-01-01T00:00:00Z', undefined],
    ['after the form', '2026-10-01T00:00:00Z', '2014-05-01'],
  ])('%s: the answer names the pupil and keeps the contract', async (_, asOf, dateOfBirth) => {
    const response = await producer.call(
      `/schools/${SCHOOL_A.urn}/pupils/${PUPIL}/preferences?asOf=${encodeURIComponent(asOf)}`,
      { scope: `producer:read school:${SCHOOL_A.urn}` },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as PupilPreferences;
    expect(pupilPreferences(body), JSON.stringify(pupilPreferences.errors)).toBe(true);
    expect(body.effective.subject).toEqual({ upn: PUPIL, ...(dateOfBirth ? { dateOfBirth } : {}) });
  });
});
