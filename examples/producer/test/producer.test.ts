import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientCredentials, ReusePrefClient } from '@reuse-pref/client';
import { ageOn } from '@reuse-pref/resolver';
import { openSqliteStore } from '@reuse-pref/store/sqlite';
import { isValidUln, isValidUpn } from '@reuse-pref/validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AS_OF,
  BAD_STATEMENTS,
  PUPILS,
  type RunningProducer,
  SCHOOL,
  STATEMENTS,
  seedSchool,
  startDevAuthServer,
  startProducer,
} from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'rp-example-producer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the seeded school', () => {
  it('has 30 pupils aged 4 to 16 with valid UPNs (and ULNs where held)', () => {
    expect(PUPILS).toHaveLength(30);
    const ages = PUPILS.map((p) => ageOn(p.subject.dateOfBirth!, AS_OF));
    expect(Math.min(...ages)).toBe(4);
    expect(Math.max(...ages)).toBe(16);
    for (const p of PUPILS) {
      expect(isValidUpn(p.subject.upn!), p.name).toBe(true);
      if (p.subject.uln) expect(isValidUln(p.subject.uln), p.name).toBe(true);
    }
  });

  it('carries the histories the standard exists for', () => {
    const channels = new Set(STATEMENTS.map((s) => s.channel));
    const roles = new Set(STATEMENTS.map((s) => s.expressedBy.role));
    expect([...channels]).toEqual(expect.arrayContaining(['PAPR', 'ONLN', 'MISE', 'CTFI', 'VERB', 'EMAL']));
    expect([...roles]).toEqual(expect.arrayContaining(['PAR', 'PUP', 'CORP', 'CAR']));
    expect(new Set(STATEMENTS.map((s) => s.id)).size).toBe(STATEMENTS.length);
  });
});

describe('seedSchool', () => {
  const cases = [
    { pupil: 'ADM-0004', rule: 'upn-check-letter' },
    { pupil: 'ADM-0008', rule: 'purpose-takes-no-choice' },
    { pupil: 'ADM-0009', rule: 'expressed-at-in-future' },
  ];
  it('stores the valid statements, holds back each bad one with its rule, and is idempotent', async () => {
    const store = await openSqliteStore({ path: join(dir, 'seed.db') });
    const first = await seedSchool(store, new Date(AS_OF));
    expect(first.stored).toBe(STATEMENTS.length);
    expect(first.heldBack).toHaveLength(BAD_STATEMENTS.length);
    for (const { pupil, rule } of cases) {
      const held = first.heldBack.find((h) => h.statement.subject.localId === pupil);
      expect(
        held?.errors.map((f) => f.rule),
        pupil,
      ).toContain(rule);
    }
    const again = await seedSchool(store, new Date(AS_OF));
    expect(again).toMatchObject({ stored: 0, duplicate: STATEMENTS.length });
    await store.close();
  });
});

describe('startProducer', () => {
  let producer: RunningProducer;
  let auth: Awaited<ReturnType<typeof startDevAuthServer>>;
  beforeAll(async () => {
    auth = await startDevAuthServer([
      { id: 'sync', secret: 's3cret', scopes: ['producer:read', `school:${SCHOOL.urn}`] },
    ]);
    producer = await startProducer({
      dir: join(dir, 'served'),
      auth: auth.auth,
      tokenEndpoint: auth.tokenUrl,
      now: () => new Date(AS_OF),
      logger: () => {},
    });
  });
  afterAll(async () => {
    await producer.close();
    await auth.close();
  });

  it('serves the school on its change feed to a client holding a token from the dev auth server', async () => {
    const client = new ReusePrefClient({
      baseUrl: producer.url,
      auth: new ClientCredentials({
        tokenUrl: auth.tokenUrl,
        clientId: 'sync',
        clientSecret: 's3cret',
        scopes: ['producer:read', `school:${SCHOOL.urn}`],
      }),
    });
    const ids: string[] = [];
    for await (const entry of client.changes(SCHOOL.urn)) ids.push(entry.statement.id);
    expect(ids).toEqual(STATEMENTS.map((s) => s.id));
  });

  it('refuses a client with a wrong secret at the token endpoint', async () => {
    const response = await fetch(auth.tokenUrl, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('sync:wrong').toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    expect(response.status).toBe(401);
  });
});
