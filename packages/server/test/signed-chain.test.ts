import { createPublicKey, type JsonWebKey } from 'node:crypto';
import {
  generateSigningKey,
  type KeyDirectory,
  keyDirectory,
  signStatement,
  trustInMemory,
  verifyChain,
} from '@reuse-pref/provenance';
import { verifyTreeHead } from '@reuse-pref/release';
import type { CapabilityStatement, SignedTreeHead, Statement, TrustList } from '@reuse-pref/schema';
import type { JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, startTestServer, type TestServer } from './helpers/server.js';
import { SCHOOL_A, statement } from './helpers/statements.js';

// spec/v1/signatures.md 3-5: a producer given a key signs what it records, a relay adds its hop to what
// it serves, and each publishes the public half at /.well-known/jwks.json, which is all a verifier needs.
const SCOPE = `producer:read producer:write relay:read relay:write school:${SCHOOL_A.urn}`;
const MIS = 'SUP-EXAMPLE'; // recordedBy.supplierId of the example statement
const INTEGRATOR = 'INT-WONDE';

const old = await generateSigningKey('EdDSA', 'mis-2025', { validUntil: '2026-12-31T23:59:59Z' });
const current = await generateSigningKey('EdDSA', 'mis-2026', { validFrom: '2026-01-01T00:00:00Z' });
const relayKey = await generateSigningKey('EdDSA', 'wonde-1');

/** A key directory whose JWKS are the ones the servers under test serve, fetched over HTTP. */
function directoryOver(servers: Record<string, TestServer>): KeyDirectory {
  const trustList: TrustList = {
    issuer: 'TEST',
    issuedAt: '2020-01-01T00:00:00Z',
    nextUpdate: '2099-01-01T00:00:00Z',
    entries: Object.entries(servers).map(([supplier, server]) => ({
      supplier,
      roles: [supplier === MIS ? 'producer' : 'relay'],
      jwksUri: `${server.url}/.well-known/jwks.json`,
      validFrom: '2000-01-01T00:00:00Z',
    })),
  };
  return keyDirectory(trustList, async (uri) => (await fetch(uri)).json() as Promise<JSONWebKeySet>);
}

async function post(server: TestServer, body: Statement, key: string): Promise<Response> {
  return server.call(`/schools/${SCHOOL_A.urn}/statements`, {
    method: 'POST',
    scope: SCOPE,
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
}

async function read(server: TestServer, id: string): Promise<Statement> {
  const res = await server.call(`/schools/${SCHOOL_A.urn}/statements/${id}`, { scope: SCOPE });
  expect(res.status).toBe(200);
  return (await res.json()) as Statement;
}

describe.each(STORE_KINDS)('signing servers on the %s store', (store) => {
  let producer: TestServer;
  let relay: TestServer;
  let plainProducer: TestServer;
  let distributor: TestServer;
  beforeAll(async () => {
    producer = await startTestServer('producer', {
      store,
      signing: { supplier: MIS, key: current.signingKey, validity: { validFrom: '2026-01-01T00:00:00Z' } },
    });
    relay = await startTestServer('relay', {
      store,
      signing: { supplier: INTEGRATOR, key: relayKey.signingKey },
    });
    plainProducer = await startTestServer('producer', { store });
    distributor = await startTestServer('distributor', { store });
  }, 120_000);
  afterAll(async () => {
    await Promise.all([producer, relay, plainProducer, distributor].map((s) => s?.close()));
  });

  it('serves its public key as a JWKS: kid, alg, use sig, validity, no private member, cacheable, public', async () => {
    const res = await fetch(`${producer.url}/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    expect(await res.json()).toStrictEqual({ keys: [current.publicJwk] });
    const text = JSON.stringify(await (await fetch(`${relay.url}/.well-known/jwks.json`)).json());
    expect(JSON.parse(text)).toStrictEqual({ keys: [relayKey.publicJwk] });
    expect(text).not.toMatch(/"d"/);
  });

  it('says in its capability statement that it signs, what, as whom and where its keys are', async () => {
    const caps = async (s: TestServer) =>
      (await (await fetch(`${s.url}/.well-known/reuse-preference`)).json()) as CapabilityStatement;
    expect((await caps(producer)).signing).toStrictEqual({
      supplier: MIS,
      signs: ['statements'],
      jwksUri: '/.well-known/jwks.json',
    });
    expect((await caps(relay)).signing).toStrictEqual({
      supplier: INTEGRATOR,
      signs: ['hops'],
      jwksUri: '/.well-known/jwks.json',
    });
    expect((await caps(distributor)).signing).toStrictEqual({
      signs: ['tree-heads'],
      jwksUri: '/.well-known/jwks.json',
    });
    expect((await caps(plainProducer)).signing).toBeUndefined();
    expect(await (await fetch(`${plainProducer.url}/.well-known/jwks.json`)).json()).toStrictEqual({
      keys: [],
    });
  });

  it("serves the distributor's tree-head key, which verifies its signed tree head", async () => {
    const { keys } = (await (
      await fetch(`${distributor.url}/.well-known/jwks.json`)
    ).json()) as JSONWebKeySet;
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    expect(keys[0]!.kid).toMatch(/^tree-head-[A-Za-z0-9_-]{43}$/);
    expect(Object.keys(keys[0]!).sort()).toStrictEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
    const head = await distributor.call('/register/tree-head', { scope: 'distributor:read' });
    expect(head.status).toBe(200);
    const publicKey = createPublicKey({ key: keys[0] as JsonWebKey, format: 'jwk' });
    expect(verifyTreeHead((await head.json()) as SignedTreeHead, publicKey)).toBe(true);
  });

  it('a producer signs what it records; the relay passes it on byte-exact with a hop; both verify', async () => {
    const sent = statement();
    expect((await post(producer, sent, `p-${store}`)).status).toBe(201);
    const signed = await read(producer, sent.id);
    const { signature, ...content } = signed;
    expect(content).toStrictEqual(sent);
    expect(signature?.hops).toBeUndefined();
    const keys = directoryOver({ [MIS]: producer, [INTEGRATOR]: relay });
    expect(await verifyChain(signed, keys)).toMatchObject({
      verified: true,
      producer: { supplier: MIS, kid: 'mis-2026' },
    });

    // The integrator takes the signed statement and passes it on with its hop.
    expect((await post(relay, signed, `r-${store}`)).status).toBe(201);
    const onward = await read(relay, sent.id);
    expect(onward.signature?.jws).toBe(signed.signature?.jws);
    const { hops, ...producerPart } = onward.signature!;
    expect({ ...onward, signature: producerPart }).toStrictEqual(signed);
    expect(hops).toHaveLength(1);
    expect(hops![0]!.relay).toBe(INTEGRATOR);
    const verdict = await verifyChain(onward, keys);
    expect(verdict).toMatchObject({ verified: true, hops: [{ supplier: INTEGRATOR, kid: 'wonde-1' }] });
    // Every read serves the same hop (relayedAt is when the relay stored it; Ed25519 is deterministic).
    expect(await read(relay, sent.id)).toStrictEqual(onward);
    const feed = await relay.call(`/schools/${SCHOOL_A.urn}/changes?limit=1000`, { scope: SCOPE });
    const page = (await feed.json()) as { changes: { statement: Statement }[] };
    expect(page.changes.find((c) => c.statement.id === sent.id)?.statement).toStrictEqual(onward);
    const list = await relay.call(`/schools/${SCHOOL_A.urn}/statements?limit=1000`, { scope: SCOPE });
    const items = ((await list.json()) as { items: Statement[] }).items;
    expect(items.find((s) => s.id === sent.id)).toStrictEqual(onward);
  });

  it('keeps an unsigned statement the relay takes unsigned (nothing to chain to)', async () => {
    const sent = statement();
    expect((await post(relay, sent, `ru-${store}`)).status).toBe(201);
    expect(await read(relay, sent.id)).toStrictEqual(sent);
  });

  it('stores a statement that arrives signed, or recorded by another supplier, as given', async () => {
    const other = await generateSigningKey('EdDSA', 'other-1');
    const signedElsewhere = await signStatement(statement(), other.signingKey);
    expect((await post(producer, signedElsewhere, `pe-${store}`)).status).toBe(201);
    expect(await read(producer, signedElsewhere.id)).toStrictEqual(signedElsewhere);
    const foreign = statement({ recordedBy: { supplierId: 'SUP-PORTAL', system: 'A parent portal' } });
    expect((await post(producer, foreign, `pf-${store}`)).status).toBe(201);
    expect(await read(producer, foreign.id)).toStrictEqual(foreign);
  });

  it('a retried statement is a duplicate, also with a non-deterministic ES256 key', async () => {
    const es = await generateSigningKey('ES256', 'mis-es');
    const esProducer = await startTestServer('producer', {
      store,
      shareWith: producer,
      signing: { supplier: MIS, key: es.signingKey },
    });
    try {
      const sent = statement();
      expect((await post(esProducer, sent, `es1-${store}`)).status).toBe(201);
      const res = await post(esProducer, sent, `es2-${store}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ outcome: 'duplicate' });
    } finally {
      await esProducer.close();
    }
  }, 60_000);

  it('rotation: both keys are served during the overlap, and what the old key signed still verifies', async () => {
    // Before the rotation: the MIS signs with the old key.
    const before = await startTestServer('producer', {
      store,
      shareWith: producer,
      signing: { supplier: MIS, key: old.signingKey, validity: { validUntil: '2026-12-31T23:59:59Z' } },
    });
    const early = statement({ recordedAt: '2026-09-04T10:02:11Z' });
    try {
      expect((await post(before, early, `rot1-${store}`)).status).toBe(201);
    } finally {
      await before.close();
    }
    // After: the new key signs, the old one is still published (with its validUntil).
    const after = await startTestServer('producer', {
      store,
      shareWith: producer,
      signing: {
        supplier: MIS,
        key: current.signingKey,
        validity: { validFrom: '2026-01-01T00:00:00Z' },
        previousKeys: [old.publicJwk],
      },
    });
    try {
      const jwks = (await (await fetch(`${after.url}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
      expect(jwks.keys.map((k) => k.kid)).toStrictEqual(['mis-2026', 'mis-2025']);
      expect(jwks.keys[1]).toStrictEqual(old.publicJwk);
      const late = statement();
      expect((await post(after, late, `rot2-${store}`)).status).toBe(201);
      const keys = directoryOver({ [MIS]: after });
      const earlyBack = await read(after, early.id);
      expect(await verifyChain(earlyBack, keys)).toMatchObject({
        verified: true,
        producer: { kid: 'mis-2025' },
      });
      expect(await verifyChain(await read(after, late.id), keys)).toMatchObject({
        verified: true,
        producer: { kid: 'mis-2026' },
      });
      // Once the old key is no longer served, what it signed no longer verifies: keep it published.
      const { keys: newOnly } = trustInMemory([
        { supplier: MIS, roles: ['producer'], keys: [current.publicJwk] },
      ]);
      expect(await verifyChain(earlyBack, newOnly)).toMatchObject({
        verified: false,
        failures: [{ rule: 'signature-key-unknown' }],
      });
    } finally {
      await after.close();
    }
  }, 60_000);

  it('a receiver and a producer without a key do not serve a JWKS of their own', async () => {
    const receiver = await startTestServer('receiver', { store, shareWith: producer });
    try {
      expect((await fetch(`${receiver.url}/.well-known/jwks.json`)).status).toBe(404);
      const caps = (await (
        await fetch(`${receiver.url}/.well-known/reuse-preference`)
      ).json()) as CapabilityStatement;
      expect(caps.signing).toBeUndefined();
      expect(caps.signaturePolicy).toBe('off');
    } finally {
      await receiver.close();
    }
  }, 60_000);
});
