import {
  addHop,
  generateSigningKey,
  jwks,
  keyDirectory,
  type SigningKey,
  signStatement,
  trustInMemory,
} from '@reuse-pref/provenance';
import type { Statement } from '@reuse-pref/schema';
import type { JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, startTestServer, type TestServer } from './helpers/server.js';
import { ndjson, SCHOOL_A, statement } from './helpers/statements.js';

// docs/decisions/0038: with ingest workers, a batch's rows are written while the workers verify its
// chains, and the verdicts are taken inside the same transaction. A chain whose key the workers'
// snapshot lacks (a relay that has just rotated) cannot be settled there: the batch is rolled back,
// verified on the event loop, whose directory loads the new key, and stored with every outcome.
const WRITE = `receiver:write receiver:read producer:read school:${SCHOOL_A.urn}`;

const mis = await generateSigningKey('EdDSA', 'mis-1');
const relayOld = await generateSigningKey('ES256', 'relay-1');
const relayNew = await generateSigningKey('EdDSA', 'relay-2');
const parties = [
  { supplier: 'SUP-EXAMPLE', roles: ['producer' as const], keys: [mis.publicJwk] },
  { supplier: 'INT-RELAY', roles: ['relay' as const], keys: [relayOld.publicJwk] },
];
const { trustList } = trustInMemory(parties);

async function relayed(key: SigningKey): Promise<Statement> {
  const s = await signStatement(statement(), mis.signingKey);
  return addHop(s, { relay: 'INT-RELAY', relayedAt: '2026-09-05T00:00:00Z', key });
}

describe.each(STORE_KINDS)('a batch settled while written, on the %s store, two ingest threads', (store) => {
  // What each party publishes now: the relay adds its new key after the receiver first loaded its JWKS.
  const published = new Map<string, JWK[]>(
    trustList.entries.map((entry, i) => [entry.jwksUri, parties[i]!.keys]),
  );
  const keys = keyDirectory(trustList, (uri) => jwks(published.get(uri)!), { refreshAfterMs: 0 });
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('receiver', {
      store,
      ingestThreads: 2,
      signaturePolicy: { mode: 'require-signature', keys },
    });
  }, 60_000);
  afterAll(() => server.close());

  let n = 0;
  const postBatch = (records: unknown[]) =>
    server.call('/intake/batches', {
      method: 'POST',
      scope: WRITE,
      headers: { 'content-type': 'application/x-ndjson', 'idempotency-key': `settle-${store}-${n++}` },
      body: ndjson(records),
    });
  const verified = (kid: string) => ({
    outcome: 'verified',
    rule: null,
    signerKid: kid,
    hops: 1,
    verifiedAt: expect.any(String),
  });

  it('stores a batch verified in the workers with each outcome', async () => {
    const records = [await relayed(relayOld.signingKey), await relayed(relayOld.signingKey)];
    const res = await postBatch(records);
    expect(res.status).toBe(201);
    for (const s of records) expect(await server.store.verifications.get(s.id)).toEqual(verified('mis-1'));
  });

  it('stores a batch large enough to be read in two parts, verified by both workers together', async () => {
    // Over 512 KB: each worker reads half and they share the verification (docs/decisions/0047).
    const records = await Promise.all(Array.from({ length: 420 }, () => relayed(relayOld.signingKey)));
    expect(ndjson(records).length).toBeGreaterThan(512 * 1024);
    const res = await postBatch(records);
    const body = (await res.json()) as {
      counts: unknown;
      outcomes: { line: number; verification?: unknown }[];
    };
    expect(res.status).toBe(201);
    expect(body.counts).toEqual({ records: 420, stored: 420, duplicate: 0, rejected: 0, notStored: 0 });
    expect(body.outcomes.map((o) => o.line)).toEqual(records.map((_, i) => i + 1));
    expect(body.outcomes.map((o) => o.verification)).toEqual(records.map(() => verified('mis-1')));
    for (const s of records) expect(await server.store.verifications.get(s.id)).toEqual(verified('mis-1'));
  });

  it('verifies on the event loop a chain whose key the workers do not have yet, and stores it', async () => {
    published.set(trustList.entries[1]!.jwksUri, [relayOld.publicJwk, relayNew.publicJwk]);
    const records = [
      await relayed(relayOld.signingKey),
      await relayed(relayNew.signingKey),
      await relayed(relayOld.signingKey),
    ];
    const res = await postBatch(records);
    const body = (await res.json()) as { counts: unknown; outcomes: { verification?: unknown }[] };
    expect(res.status).toBe(201);
    expect(body.counts).toEqual({ records: 3, stored: 3, duplicate: 0, rejected: 0, notStored: 0 });
    expect(body.outcomes.map((o) => o.verification)).toEqual(records.map(() => verified('mis-1')));
    for (const s of records) expect(await server.store.verifications.get(s.id)).toEqual(verified('mis-1'));
  });

  it('stores nothing of a batch with a chain no directory can verify, naming the rule', async () => {
    const stranger = await generateSigningKey('EdDSA', 'relay-9');
    const records = [await relayed(relayOld.signingKey), await relayed(stranger.signingKey)];
    const res = await postBatch(records);
    const body = (await res.json()) as {
      batch: { outcomes: { outcome: string; findings: { rule: string }[] }[] };
    };
    expect(res.status).toBe(422);
    expect(body.batch.outcomes.map((o) => [o.outcome, o.findings.map((f) => f.rule)])).toEqual([
      ['not-stored', []],
      ['rejected', ['signature-key-unknown']],
    ]);
    for (const s of records) expect(await server.store.statements.get(s.id)).toBeUndefined();
  });
});
