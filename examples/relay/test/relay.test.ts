import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientCredentials, ReusePrefClient } from '@reuse-pref/client';
import {
  AS_OF,
  type DevAuthServer,
  pupil,
  type RunningProducer,
  SCHOOL,
  STATEMENTS,
  startDevAuthServer,
  startProducer,
} from '@reuse-pref/example-producer';
import { canonicalJson } from '@reuse-pref/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningRelay, savedCursor, startRelay } from '../src/index.js';

const school = `school:${SCHOOL.urn}`;
const CLIENTS = [
  { id: 'relay-sync', secret: 'a', scopes: ['producer:read', school] },
  { id: 'homework-hub', secret: 'b', scopes: ['relay:read', school] },
  { id: 'reader', secret: 'c', scopes: ['producer:read', 'relay:audit', school] },
];
const now = () => new Date(AS_OF);
const dir = mkdtempSync(join(tmpdir(), 'rp-example-relay-'));
let auth: DevAuthServer;
let producer: RunningProducer;
let relay: RunningRelay;

function client(baseUrl: string, id: string): ReusePrefClient {
  const c = CLIENTS.find((x) => x.id === id)!;
  return new ReusePrefClient({
    baseUrl,
    auth: new ClientCredentials({
      tokenUrl: auth.tokenUrl,
      clientId: id,
      clientSecret: c.secret,
      scopes: c.scopes,
    }),
  });
}

async function appRead(name: string): Promise<number> {
  const token = await fetch(auth.tokenUrl, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from('homework-hub:b').toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  }).then((r) => r.json() as Promise<{ access_token: string }>);
  const response = await fetch(
    `${relay.url}/schools/${SCHOOL.urn}/pupils/${pupil(name).subject.upn}/app-record`,
    { headers: { authorization: `Bearer ${token.access_token}` } },
  );
  await response.arrayBuffer();
  return response.status;
}

beforeAll(async () => {
  auth = await startDevAuthServer(CLIENTS);
  const common = { auth: auth.auth, tokenEndpoint: auth.tokenUrl, now, logger: () => {} };
  producer = await startProducer({ ...common, dir: join(dir, 'producer') });
  relay = await startRelay({
    ...common,
    dir: join(dir, 'relay'),
    producer: { url: producer.url, clientId: 'relay-sync', clientSecret: 'a', tokenUrl: auth.tokenUrl },
    schools: [SCHOOL.urn],
    apps: [{ id: 'homework-hub', name: 'Homework Hub' }],
  });
});
afterAll(async () => {
  await relay.close();
  await producer.close();
  await auth.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the reference relay', () => {
  it('syncs every statement through the change feed, persisting its cursor, and resumes after it', async () => {
    const first = (await relay.sync()).get(SCHOOL.urn)!;
    expect(first).toMatchObject({ received: STATEMENTS.length, stored: STATEMENTS.length, duplicate: 0 });
    expect(await savedCursor(relay.store, SCHOOL.urn)).toBe(first.cursor);
    const again = (await relay.sync()).get(SCHOOL.urn)!;
    expect(again).toMatchObject({ received: 0, cursor: first.cursor });
  });

  it('never alters a statement: what consumers read from the relay is byte-equal after canonicalisation', async () => {
    const fromRelay = new Map<string, string>();
    for await (const s of client(relay.url, 'reader').items('/schools/{urn}/statements', {
      path: { urn: SCHOOL.urn },
    }))
      fromRelay.set(s.id, canonicalJson(s));
    expect(fromRelay.size).toBe(STATEMENTS.length);
    for (const s of STATEMENTS) expect(fromRelay.get(s.id), s.id).toBe(canonicalJson(s));
  });

  const reads = [
    { name: 'Noah Williams', why: 'a competent pupil opted out of APPS', want: 451 },
    { name: 'Ben Taylor', why: 'one parent objected to APPS', want: 451 },
    { name: 'Grace Okafor', why: 'a parent opted out on the collection sheet', want: 451 },
    { name: 'Leo Martin', why: 'a 16-year-old opted out himself', want: 451 },
    { name: 'Amira Khan', why: 'no objection to APPS', want: 200 },
    { name: 'Chloe Evans', why: 'the LA said yes; her own no at 7 does not decide', want: 200 },
    { name: 'Jack Thompson', why: 'an ordinary admission form', want: 200 },
    { name: 'Isla Hughes', why: 'nothing held for her', want: 404 },
  ];
  it.each(reads)('an app reading $name gets $want: $why', async ({ name, want }) => {
    expect(await appRead(name)).toBe(want);
  });

  it('records every decision, and lists the withheld ones with who decided', async () => {
    const { data } = await client(relay.url, 'reader').get('/schools/{urn}/onward-shares', {
      path: { urn: SCHOOL.urn },
      query: { shared: false },
    });
    const withheld = data.items.map((s) => s.subject.upn);
    expect(new Set(withheld)).toEqual(
      new Set(['Noah Williams', 'Ben Taylor', 'Grace Okafor', 'Leo Martin'].map((n) => pupil(n).subject.upn)),
    );
    for (const share of data.items) {
      expect(share).toMatchObject({ shared: false, default: false, app: { id: 'homework-hub' } });
      expect(STATEMENTS.find((s) => s.id === share.decidedBy)?.choices).toContainEqual({
        purpose: 'APPS',
        value: 'OBJT',
      });
    }
  });

  it('refuses a client that is not a registered app', async () => {
    const token = await fetch(auth.tokenUrl, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('reader:c').toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    }).then((r) => r.json() as Promise<{ access_token: string }>);
    const response = await fetch(
      `${relay.url}/schools/${SCHOOL.urn}/pupils/${pupil('Amira Khan').subject.upn}/app-record`,
      { headers: { authorization: `Bearer ${token.access_token}` } },
    );
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});
