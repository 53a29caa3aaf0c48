import { addHop, generateSigningKey, signStatement, trustInMemory } from '@reuse-pref/provenance';
import { generateLogKeyPair } from '@reuse-pref/release';
import type {
  DistributionRequest,
  RegisterPage,
  ReleaseDecision,
  ReleaseSubjectPage,
  Statement,
  SubjectLedger,
} from '@reuse-pref/schema';

type Choice = Statement['choices'][number];

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, startTestServer, type TestServer } from './helpers/server.js';
import { answers, ndjson, SCHOOL_A, upn } from './helpers/statements.js';

// Issue 15: the resolver and the release gate never change behaviour on a signature; the release record
// and its register entry say how many of the statements behind it were verified end to end
// (spec/v1/signatures.md 8.2). The same statements go to two receivers, one signed (policy verify) and
// one with every signature left out (policy off); each receiver's distributor records the same release.

const WRITE = `receiver:write receiver:read school:${SCHOOL_A.urn}`;
const mis = await generateSigningKey('EdDSA', 'mis-1');
const relay = await generateSigningKey('ES256', 'relay-1');
const { keys } = trustInMemory([
  { supplier: 'SUP-EXAMPLE', roles: ['producer'], keys: [mis.publicJwk] },
  { supplier: 'INT-RELAY', roles: ['relay'], keys: [relay.publicJwk] },
]);

const request: DistributionRequest = {
  dsReference: 'DR261130.15',
  recipient: { name: 'University of Example', class: 'ACAD' },
  purposes: ['RSCH', 'LINK'],
  lawfulBasis: 'PUBT',
  dataTiers: [{ identifiability: '2', sensitivity: 'B' }],
  deliveryMode: 'TRE',
  retainUntil: '2028-12-31',
  cohort: { description: 'Pupils in the study' },
  decisionMaker: 'Data Sharing Approval Panel',
  reasons: 'Research into attainment',
  requestedAt: '2026-11-01T09:00:00Z',
};

const signedChain = async (s: Statement) =>
  addHop(await signStatement(s, mis.signingKey), {
    relay: 'INT-RELAY',
    relayedAt: '2026-09-05T00:00:00Z',
    key: relay.signingKey,
  });

/**
 * Pupil i by i % 6: no statement; one signed objection; a signed objection altered after signing
 * (broken); an older unsigned objection and a later signed answer that decides; an unsigned statement;
 * two signed statements answering different purposes (two deciding statements, both verified).
 */
async function statementsFor(
  i: number,
): Promise<{ signed: Statement[]; verified: number; deciding: number }> {
  const pupil = upn(700 + i);
  const at = (day: number) => ({ expressedAt: `2026-09-0${day}T08:00:00Z` });
  const objection = (value: Choice['value'], purpose = 'RSCH') => ({
    ...answers(pupil, [{ purpose, value }]),
    ...at(3),
  });
  switch (i % 6) {
    case 1:
      return { signed: [await signedChain(objection('OBJT'))], verified: 1, deciding: 1 };
    case 2: {
      const s = await signedChain(objection('OBJT'));
      return { signed: [{ ...s, choices: [{ purpose: 'RSCH', value: 'NOOB' }] }], verified: 0, deciding: 1 };
    }
    case 3: {
      const later = await signedChain({ ...objection(i % 4 === 3 ? 'NOOB' : 'OBJT'), ...at(4) });
      return { signed: [objection('OBJT'), later], verified: 1, deciding: 1 };
    }
    case 4:
      return { signed: [objection(i % 4 === 0 ? 'OBJT' : 'NOOB')], verified: 0, deciding: 1 };
    case 5:
      return {
        signed: [await signedChain(objection('OBJT')), await signedChain(objection('OBJT', 'LINK'))],
        verified: 2,
        deciding: 2,
      };
    default:
      return { signed: [], verified: 0, deciding: 0 };
  }
}

const cohort = Array.from({ length: 36 }, (_, i) => ({ upn: upn(700 + i) }));
const unsignedCopy = (s: Statement): Statement => {
  const { signature: _signature, ...rest } = s;
  return rest;
};

describe.each(STORE_KINDS)('releases with and without signatures on the %s store', (kind) => {
  const setups = {} as Record<'signed' | 'unsigned', { receiver: TestServer; distributor: TestServer }>;
  let expected = { decidingStatements: 0, verifiedEndToEnd: 0 };

  beforeAll(async () => {
    const made = await Promise.all(cohort.map((_, i) => statementsFor(i)));
    const signed = made.flatMap((m) => m.signed);
    expected = {
      decidingStatements: made.reduce((n, m) => n + m.deciding, 0),
      verifiedEndToEnd: made.reduce((n, m) => n + m.verified, 0),
    };
    const log = generateLogKeyPair();
    for (const [name, mode, records] of [
      ['signed', 'verify', signed],
      ['unsigned', 'off', signed.map(unsignedCopy)],
    ] as const) {
      const receiver = await startTestServer('receiver', { store: kind, signaturePolicy: { mode, keys } });
      const distributor = await startTestServer('distributor', {
        shareWith: receiver,
        logSigningKey: log.privateKey,
      });
      setups[name] = { receiver, distributor };
      const res = await receiver.call('/intake/batches', {
        method: 'POST',
        scope: WRITE,
        headers: { 'content-type': 'application/x-ndjson', 'idempotency-key': `load-${name}` },
        body: ndjson(records),
      });
      expect(res.status).toBe(201);
    }
  }, 120_000);
  afterAll(async () => {
    for (const { receiver, distributor } of Object.values(setups)) {
      await distributor?.close();
      await receiver?.close();
    }
  });

  const record = async (distributor: TestServer) => {
    const res = await distributor.call('/releases', {
      method: 'POST',
      scope: 'distributor:write',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'release-1' },
      body: JSON.stringify({ request, cohort }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as ReleaseDecision;
  };
  /** Each subject's outcome in the release, its release id left out (the one thing that must differ). */
  const subjects = async (distributor: TestServer, releaseId: string) => {
    const res = await distributor.call(`/releases/${releaseId}/subjects?limit=100`, {
      scope: 'distributor:read',
    });
    const { items } = (await res.json()) as ReleaseSubjectPage;
    return JSON.parse(JSON.stringify(items).replaceAll(releaseId, 'the release')) as typeof items;
  };
  const ledger = async (distributor: TestServer, pupil: string) =>
    (
      (await (
        await distributor.call(`/subjects/${pupil}/ledger`, { scope: 'distributor:read' })
      ).json()) as SubjectLedger
    ).entries.map(({ releaseId: _r, decidedAt: _d, ...rest }) => rest);

  it('decides every subject the same, and says how many deciding statements were verified', async () => {
    const signed = await record(setups.signed.distributor);
    const unsigned = await record(setups.unsigned.distributor);
    const { releaseId: _a, decidedAt: _b, signatures: withSignatures, ...decided } = signed;
    const { releaseId: _c, decidedAt: _d, signatures: without, ...decidedUnsigned } = unsigned;
    // The same decision, outcome for outcome; only the count of verified statements differs.
    expect(decided).toEqual(decidedUnsigned);
    expect(decided.counts.excluded).toBeGreaterThan(0);
    expect(decided.counts.included).toBeGreaterThan(0);
    expect(await subjects(setups.signed.distributor, signed.releaseId)).toEqual(
      await subjects(setups.unsigned.distributor, unsigned.releaseId),
    );
    for (const { upn: pupil } of cohort)
      expect(await ledger(setups.signed.distributor, pupil)).toEqual(
        await ledger(setups.unsigned.distributor, pupil),
      );
    expect(expected.verifiedEndToEnd).toBeGreaterThan(0);
    expect(expected.verifiedEndToEnd).toBeLessThan(expected.decidingStatements);
    expect(withSignatures).toEqual(expected);
    expect(without).toEqual({ decidingStatements: expected.decidingStatements, verifiedEndToEnd: 0 });

    // The release record and the register entry say the same as the answer.
    for (const [setup, decision] of [
      [setups.signed, signed],
      [setups.unsigned, unsigned],
    ] as const) {
      const stored = await setup.distributor.call(`/releases/${decision.releaseId}`, {
        scope: 'distributor:read',
      });
      expect(await stored.json()).toEqual(decision);
      const register = (await (await setup.distributor.call('/register')).json()) as RegisterPage;
      const entry = register.items.find((e) => e.releaseId === decision.releaseId);
      expect(entry?.signatures).toEqual(decision.signatures);
    }
  });
});
