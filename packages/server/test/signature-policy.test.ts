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
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
// Batches read (and chains verified) on the event loop, and in two ingest worker threads.
const SETUPS = STORE_KINDS.flatMap((store) =>
  MODES.flatMap((mode) => [0, 2].map((ingestThreads) => ({ store, mode, ingestThreads }))),
);

describe.each(SETUPS)(
  'intake with signature policy $mode on the $store store, $ingestThreads ingest threads',
  ({ store, mode, ingestThreads }) => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer('receiver', { store, ingestThreads, signaturePolicy: { mode, keys } });
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
    const recorded = (id: string) => server.store.verifications.get(id);
    /** The outcome the receipt shows and the store keeps: none under off (signatures are not read). */
    const outcome = (fields: {
      outcome: string;
      rule: string | null;
      signerKid: string | null;
      hops: number;
    }) => (mode === 'off' ? undefined : { ...fields, verifiedAt: expect.stringMatching(ISO) });
    const VERIFIED = { outcome: 'verified', rule: null, signerKid: 'mis-1', hops: 1 };

    it('accepts a verified chain and keeps the signature and hops exactly as sent', async () => {
      const s = await signed();
      const res = await postOne(s);
      expect(res.status).toBe(201);
      const receipt = await res.json();
      expect(receipt.queries).toEqual([]);
      expect(receipt.verification).toEqual(outcome(VERIFIED));
      expect(await stored(s.id)).toStrictEqual(s);
      // Recorded beside the statement, whose bytes (signature and hops included) stay as sent.
      expect(await recorded(s.id)).toEqual(receipt.verification);
    });

    it('keeps the first recorded outcome when the same statement comes again', async () => {
      const s = await signed();
      const first = await (await postOne(s)).json();
      const again = await postOne(s);
      expect(again.status).toBe(200);
      expect((await again.json()).outcome).toBe('duplicate');
      expect(await recorded(s.id)).toEqual(first.verification);
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
        expect(await recorded(s.id)).toBeUndefined();
      } else {
        expect(res.status).toBe(201);
        expect(body.queries).toEqual(mode === 'verify' ? [{ ...finding, severity: 'query' }] : []);
        expect(await stored(s.id)).toStrictEqual(s);
        const broken = { outcome: 'broken', rule: 'signature-invalid', signerKid: 'mis-1', hops: 1 };
        expect(body.verification).toEqual(outcome(broken));
        expect(await recorded(s.id)).toEqual(body.verification);
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
        expect(await recorded(s.id)).toBeUndefined();
      } else {
        expect(res.status).toBe(201);
        expect(body.queries).toEqual([]);
        const unsigned = { outcome: 'unsigned', rule: null, signerKid: null, hops: 0 };
        expect(body.verification).toEqual(outcome(unsigned));
        expect(await recorded(s.id)).toEqual(body.verification);
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
        // The good record's outcome is reported, and nothing of the batch is recorded.
        expect(body.batch.outcomes[0]).toMatchObject({
          outcome: 'not-stored',
          verification: outcome(VERIFIED),
        });
        expect(await recorded(good.id)).toBeUndefined();
      } else {
        expect(res.status).toBe(201);
        expect(body.committed).toBe(true);
        const outcomes = body.outcomes;
        expect(outcomes[0].findings).toEqual([]);
        expect(
          outcomes[1].findings.map((f: { rule: string; severity: string }) => [f.rule, f.severity]),
        ).toEqual(mode === 'verify' ? [['signature-invalid', 'query']] : []);
        expect(await stored(bad.id)).toStrictEqual(bad);
        expect(await stored(good.id)).toStrictEqual(good);
        const broken = { outcome: 'broken', rule: 'signature-invalid', signerKid: 'mis-1', hops: 1 };
        expect(outcomes.map((o: { verification?: unknown }) => o.verification)).toEqual([
          outcome(VERIFIED),
          outcome(broken),
        ]);
        expect(await recorded(good.id)).toEqual(outcomes[0].verification);
        expect(await recorded(bad.id)).toEqual(outcomes[1].verification);
        // The batch result kept for the sender says the same.
        const again = await server.call(`/intake/batches/${body.batchId}`, { scope: WRITE });
        expect((await again.json()).outcomes).toEqual(outcomes);
      }
    });
  },
);
