import { addHop, generateSigningKey, signStatement, trustInMemory } from '@reuse-pref/provenance';
import type { Statement } from '@reuse-pref/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, startTestServer, type TestServer } from './helpers/server.js';
import { ndjson, SCHOOL_A, statement } from './helpers/statements.js';

// spec/v1/signatures.md 8: the intake's signature policy, on both stores, for single statements and batches.
const WRITE = `receiver:write receiver:read producer:read school:${SCHOOL_A.urn}`;

const mis = await generateSigningKey('EdDSA', 'mis-1');
const relay = await generateSigningKey('ES256', 'relay-1');
const { keys } = trustInMemory([
  { supplier: 'SUP-EXAMPLE', roles: ['producer'], keys: [mis.publicJwk] },
  { supplier: 'INT-RELAY', roles: ['relay'], keys: [relay.publicJwk] },
]);

/** A fresh statement signed at the MIS and relayed once. */
async function signed(): Promise<Statement> {
  const s = await signStatement(statement(), mis.signingKey);
  return addHop(s, { relay: 'INT-RELAY', relayedAt: '2026-09-05T00:00:00Z', key: relay.signingKey });
}
/** A signed statement a relay altered afterwards: LINK objection turned into no objection. */
async function tampered(): Promise<Statement> {
  const s = await signed();
  return { ...s, choices: s.choices.map((c) => (c.purpose === 'LINK' ? { ...c, value: 'NOOB' } : c)) };
}

const MODES = ['require-signature', 'verify', 'off'] as const;
const SETUPS = STORE_KINDS.flatMap((store) => MODES.map((mode) => ({ store, mode })));

describe.each(SETUPS)('intake with signature policy $mode on the $store store', ({ store, mode }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('receiver', { store, signaturePolicy: { mode, keys } });
  }, 60_000);
  afterAll(() => server.close());

  let n = 0;
  const postOne = (body: unknown) =>
    server.call('/intake/statements', {
      method: 'POST',
      scope: WRITE,
      headers: { 'content-type': 'application/json', 'idempotency-key': `one-${mode}-${n++}` },
      body: JSON.stringify(body),
    });
  const postBatch = (records: unknown[]) =>
    server.call('/intake/batches', {
      method: 'POST',
      scope: WRITE,
      headers: { 'content-type': 'application/x-ndjson', 'idempotency-key': `batch-${mode}-${n++}` },
      body: ndjson(records),
    });
  const stored = async (id: string) => (await server.store.statements.get(id))?.statement;

  it('accepts a verified chain and keeps the signature and hops exactly as sent', async () => {
    const s = await signed();
    const res = await postOne(s);
    expect(res.status).toBe(201);
    expect((await res.json()).queries).toEqual([]);
    expect(await stored(s.id)).toStrictEqual(s);
  });

  it(`${mode === 'require-signature' ? 'refuses' : 'accepts'} a statement altered after signing`, async () => {
    const s = await tampered();
    const res = await postOne(s);
    const body = await res.json();
    const finding = {
      rule: 'signature-invalid',
      pointer: '/signature/jws',
      message: expect.stringMatching(/^signature\.jws: the signature does not match/),
    };
    if (mode === 'require-signature') {
      expect(res.status).toBe(422);
      expect(body.errors).toEqual([{ ...finding, severity: 'error' }]);
      expect(await stored(s.id)).toBeUndefined();
    } else {
      expect(res.status).toBe(201);
      expect(body.queries).toEqual(mode === 'verify' ? [{ ...finding, severity: 'query' }] : []);
      expect(await stored(s.id)).toStrictEqual(s);
    }
  });

  it(`${mode === 'require-signature' ? 'refuses' : 'accepts'} an unsigned statement`, async () => {
    const s = statement();
    const res = await postOne(s);
    const body = await res.json();
    if (mode === 'require-signature') {
      expect(res.status).toBe(422);
      expect(body.errors.map((e: { rule: string; pointer: string }) => [e.rule, e.pointer])).toEqual([
        ['signature-missing', '/signature'],
      ]);
      expect(await stored(s.id)).toBeUndefined();
    } else {
      expect(res.status).toBe(201);
      expect(body.queries).toEqual([]);
    }
  });

  it(`${mode === 'require-signature' ? 'stores nothing of' : 'commits'} a batch with one altered record`, async () => {
    const good = await signed();
    const bad = await tampered();
    const res = await postBatch([good, bad]);
    const body = await res.json();
    if (mode === 'require-signature') {
      expect(res.status).toBe(422);
      expect(body.batch.committed).toBe(false);
      expect(body.batch.outcomes[1]).toMatchObject({
        line: 2,
        statementId: bad.id,
        outcome: 'rejected',
        findings: [{ rule: 'signature-invalid', severity: 'error', pointer: '/signature/jws' }],
      });
      expect(await stored(good.id)).toBeUndefined();
      expect(await stored(bad.id)).toBeUndefined();
    } else {
      expect(res.status).toBe(201);
      expect(body.committed).toBe(true);
      const outcomes = body.outcomes;
      expect(outcomes[0].findings).toEqual([]);
      expect(
        outcomes[1].findings.map((f: { rule: string; severity: string }) => [f.rule, f.severity]),
      ).toEqual(mode === 'verify' ? [['signature-invalid', 'query']] : []);
      expect(await stored(bad.id)).toStrictEqual(bad);
    }
  });
});
