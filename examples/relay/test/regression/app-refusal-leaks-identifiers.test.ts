// Issue 17 item 2: an app refused under the pupil's APPS objection got a 451 whose body carried the
// pupil's ULN and MIS local id (which the app never sent) and the deciding statement's id; and the same
// app token (relay:read + the school) read GET /schools/{urn}/onward-shares: every pupil's identifiers
// and every app's decisions. Now the 451 names only the decision, and the onward-share list needs
// relay:audit, the integrator operator's scope, which an app is never given.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningRelay, startRelay } from '../../src/index.js';

const school = `school:${SCHOOL.urn}`;
const CLIENTS = [
  { id: 'relay-sync', secret: 'a', scopes: ['producer:read', school] },
  { id: 'homework-hub', secret: 'b', scopes: ['relay:read', school] },
  { id: 'relay-operator', secret: 'c', scopes: ['relay:audit', school] },
];
const dir = mkdtempSync(join(tmpdir(), 'rp-relay-privacy-'));
let auth: DevAuthServer;
let producer: RunningProducer;
let relay: RunningRelay;

beforeAll(async () => {
  auth = await startDevAuthServer(CLIENTS);
  const common = {
    auth: auth.auth,
    tokenEndpoint: auth.tokenUrl,
    now: () => new Date(AS_OF),
    logger: () => {},
  };
  producer = await startProducer({ ...common, dir: join(dir, 'producer') });
  relay = await startRelay({
    ...common,
    dir: join(dir, 'relay'),
    producer: { url: producer.url, clientId: 'relay-sync', clientSecret: 'a', tokenUrl: auth.tokenUrl },
    schools: [SCHOOL.urn],
    apps: [{ id: 'homework-hub', name: 'Homework Hub' }],
  });
  await relay.sync();
});
afterAll(async () => {
  await relay.close();
  await producer.close();
  await auth.close();
  rmSync(dir, { recursive: true, force: true });
});

async function tokenFor(id: string, secret: string): Promise<string> {
  const response = await fetch(auth.tokenUrl, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

describe('what an app learns from the relay', () => {
  it('a refusal (451) names the decision and nothing about the pupil the app did not send', async () => {
    // Leo Martin (16) opted out of APPS himself; the relay holds his ULN and MIS id.
    const leo = pupil('Leo Martin');
    expect(leo.subject.uln).toBeDefined();
    const response = await fetch(`${relay.url}/schools/${SCHOOL.urn}/pupils/${leo.subject.upn}/app-record`, {
      headers: { authorization: `Bearer ${await tokenFor('homework-hub', 'b')}` },
    });
    expect(response.status).toBe(451);
    const text = await response.text();
    for (const held of [leo.subject.uln!, leo.subject.localId!, leo.subject.dateOfBirth!]) {
      expect(text).not.toContain(held);
    }
    for (const s of STATEMENTS) expect(text).not.toContain(s.id);
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['decision', 'detail', 'status', 'title', 'type']);
    expect(Object.keys(body.decision as object).sort()).toEqual(['decidedAt', 'id']);
  });

  it("an app's token cannot read the onward-share list; the operator's relay:audit token can", async () => {
    const list = async (token: string) =>
      fetch(`${relay.url}/schools/${SCHOOL.urn}/onward-shares`, {
        headers: { authorization: `Bearer ${token}` },
      });
    const asApp = await list(await tokenFor('homework-hub', 'b'));
    expect(asApp.status).toBe(403);
    expect(((await asApp.json()) as { detail: string }).detail).toBe('The token has no relay:audit scope.');
    const asOperator = await list(await tokenFor('relay-operator', 'c'));
    expect(asOperator.status).toBe(200);
    const page = (await asOperator.json()) as { items: { app: { id: string }; shared: boolean }[] };
    expect(page.items.some((s) => s.app.id === 'homework-hub' && !s.shared)).toBe(true);
  });
});
