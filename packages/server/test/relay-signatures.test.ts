import {
  addHop,
  generateSigningKey,
  signStatement,
  trustInMemory,
  verifyChain,
} from '@reuse-pref/provenance';
import type { Statement } from '@reuse-pref/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, startTestServer, type TestServer } from './helpers/server.js';
import { SCHOOL_A, statement } from './helpers/statements.js';

// spec/v1/signatures.md 4.1: a relay passes a signed statement on exactly as received; the reference
// relay stores the body as sent and serves it back, so the chain still verifies and the next hop chains.
const SCOPE = `relay:read relay:write producer:read producer:write school:${SCHOOL_A.urn}`;
const mis = await generateSigningKey('ES256', 'mis-1');
const wonde = await generateSigningKey('EdDSA', 'wonde-1');
const { keys } = trustInMemory([
  { supplier: 'SUP-EXAMPLE', roles: ['producer'], keys: [mis.publicJwk] },
  { supplier: 'INT-WONDE', roles: ['relay'], keys: [wonde.publicJwk] },
]);

describe.each(STORE_KINDS)('relay on the %s store', (store) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('relay', { store });
  }, 60_000);
  afterAll(() => server.close());

  it('serves a signed statement back with its signature byte for byte, and it still verifies', async () => {
    const sent = await signStatement(statement(), mis.signingKey);
    const res = await server.call(`/schools/${SCHOOL_A.urn}/statements`, {
      method: 'POST',
      scope: SCOPE,
      headers: { 'content-type': 'application/json', 'idempotency-key': `relay-${store}` },
      body: JSON.stringify(sent),
    });
    expect(res.status).toBe(201);

    const one = await server.call(`/schools/${SCHOOL_A.urn}/statements/${sent.id}`, { scope: SCOPE });
    const text = await one.text();
    expect(text).toContain(JSON.stringify(sent.signature));
    const back = JSON.parse(text) as Statement;
    expect(back).toStrictEqual(sent);

    const feed = await server.call(`/schools/${SCHOOL_A.urn}/changes`, { scope: SCOPE });
    const page = await feed.json();
    const fromFeed = page.changes
      .map((i: { statement: Statement }) => i.statement)
      .find((s: Statement) => s.id === sent.id);
    expect(fromFeed).toStrictEqual(sent);

    const onward = await addHop(back, {
      relay: 'INT-WONDE',
      relayedAt: '2026-09-05T00:00:00Z',
      key: wonde.signingKey,
    });
    expect(await verifyChain(onward, keys)).toMatchObject({
      verified: true,
      hops: [{ supplier: 'INT-WONDE' }],
    });
  });
});
