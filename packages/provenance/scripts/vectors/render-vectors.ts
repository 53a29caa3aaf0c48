import { createHmac, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Statement, TrustList } from '@reuse-pref/schema';
import { base64url, importJWK, type JSONWebKeySet, type JWK } from 'jose';
import type { SigningKey } from '../../src/detached-jws.js';
import {
  addHop,
  type SignatureRuleId,
  signStatement,
  signTrustList,
  statementPayload,
} from '../../src/index.js';
import { TEST_PRIVATE_KEYS, type TestKeyName } from './test-keys.js';

/**
 * Builds conformance/vectors/v1/signature/must/*.json. Every signature is Ed25519 (deterministic, so the
 * files are reproducible byte for byte); the expected outcome of each case is written here by hand, never
 * computed by the verifier it tests.
 */

const example = JSON.parse(
  readFileSync(new URL('../../../../spec/v1/examples/statement.json', import.meta.url), 'utf8'),
) as Statement;
const ASOF = '2026-11-20T00:00:00Z';
const MIS = 'SUP-EXAMPLE';
const WONDE = 'INT-WONDE';
const GROUPCALL = 'INT-GROUPCALL';
const uri = (supplier: string) => `https://${supplier.toLowerCase()}.example/.well-known/jwks.json`;

const kidOf: Record<TestKeyName, string> = {
  'dfe-anchor': 'dfe-2026',
  'dfe-other': 'dfe-unlisted',
  'mis-2025': 'mis-2025',
  'mis-2026': 'mis-2026',
  'mis-revoked': 'mis-lost-laptop',
  'wonde-1': 'wonde-1',
  'groupcall-1': 'groupcall-1',
};

async function signer(name: TestKeyName): Promise<SigningKey> {
  return {
    alg: 'EdDSA',
    kid: kidOf[name],
    privateKey: (await importJWK(TEST_PRIVATE_KEYS[name], 'EdDSA')) as never,
  };
}
function pub(name: TestKeyName, extra: Record<string, string> = {}): JWK {
  const { kty, crv, x } = TEST_PRIVATE_KEYS[name];
  return { kty, crv, x, kid: kidOf[name], alg: 'EdDSA', use: 'sig', ...extra };
}

const trustAnchor: JSONWebKeySet = { keys: [pub('dfe-anchor')] };
const jwksByUri: Record<string, JSONWebKeySet> = {
  [uri(MIS)]: {
    keys: [
      // Rotated out on 30 June 2026: what it signed until then still verifies.
      pub('mis-2025', { validFrom: '2025-07-01T00:00:00Z', validUntil: '2026-06-30T23:59:59Z' }),
      pub('mis-2026', { validFrom: '2026-06-01T00:00:00Z' }),
      pub('mis-revoked'),
    ],
  },
  [uri(WONDE)]: { keys: [pub('wonde-1')] },
  [uri(GROUPCALL)]: { keys: [pub('groupcall-1')] },
};
const trustList: TrustList = {
  issuer: 'DFE',
  issuedAt: '2026-11-01T00:00:00Z',
  nextUpdate: '2026-12-01T00:00:00Z',
  entries: [
    {
      supplier: MIS,
      roles: ['producer'],
      jwksUri: uri(MIS),
      validFrom: '2025-01-01T00:00:00Z',
      revokedKeys: [{ kid: kidOf['mis-revoked'], revokedAt: '2026-10-01T00:00:00Z' }],
    },
    { supplier: WONDE, roles: ['relay'], jwksUri: uri(WONDE), validFrom: '2025-01-01T00:00:00Z' },
    { supplier: GROUPCALL, roles: ['relay'], jwksUri: uri(GROUPCALL), validFrom: '2025-01-01T00:00:00Z' },
    {
      supplier: 'SUP-LAPSED',
      roles: ['producer'],
      jwksUri: uri(MIS),
      validFrom: '2025-01-01T00:00:00Z',
      validUntil: '2026-03-31T23:59:59Z',
    },
  ],
};

type Expected = { rule: SignatureRuleId; at: string }[];
interface SignatureCase {
  id: string;
  description: string;
  comment?: string;
  section: string;
  level: 'MUST';
  input: {
    asOf: string;
    trustAnchor: JSONWebKeySet;
    trustList: string;
    jwks: Record<string, JSONWebKeySet>;
    statement: Statement;
  };
  tests: { id: string; expect: { verified: boolean; failures: Expected } }[];
}

function header(h: Record<string, unknown>): string {
  return base64url.encode(JSON.stringify(h));
}

export async function renderVectors(): Promise<Map<string, string>> {
  const signedList = await signTrustList(trustList, await signer('dfe-anchor'));
  const mis = await signer('mis-2026');
  const at = (s: Statement, recordedAt: string) => ({ ...s, recordedAt });
  const good = await signStatement(example, mis);
  const viaWonde = await addHop(good, {
    relay: WONDE,
    relayedAt: '2026-09-04T11:00:00Z',
    key: await signer('wonde-1'),
  });
  const chain = await addHop(viaWonde, {
    relay: GROUPCALL,
    relayedAt: '2026-09-05T06:30:00Z',
    key: await signer('groupcall-1'),
  });
  const hops = chain.signature!.hops!;
  const withSignature = (s: Statement, jws: string): Statement => ({ ...s, signature: { jws } });
  const goodHead = good.signature!.jws.split('.')[0]!;
  const publicPem = createPublicKey({ key: pub('mis-2026') as never, format: 'jwk' })
    .export({ type: 'spki', format: 'pem' })
    .toString();
  const hsHead = header({ alg: 'HS256', kid: kidOf['mis-2026'] });
  const hsSig = createHmac('sha256', publicPem)
    .update(`${hsHead}.${base64url.encode(statementPayload(example))}`)
    .digest('base64url');
  const misSignedAs = async (name: TestKeyName, s: Statement) => signStatement(s, await signer(name));
  const edHeadAsEs = header({ alg: 'ES256', kid: kidOf['mis-2026'] });

  const chainCases: [string, string, Statement, Expected, string?][] = [
    [
      'signature-good-chain',
      'a statement signed by its MIS and relayed by two integrators verifies end to end',
      chain,
      [],
    ],
    ['signature-good-no-hops', 'a statement signed by its MIS and sent direct verifies', good, []],
    [
      'signature-missing',
      'an unsigned statement is reported as signature-missing (a receiver in require-signature refuses it)',
      example,
      [{ rule: 'signature-missing', at: '/signature' }],
    ],
    [
      'signature-altered-choice',
      'a relay that changes one choice breaks the producer signature; its own hop still verifies',
      {
        ...chain,
        choices: chain.choices.map((c) => (c.purpose === 'LINK' ? { ...c, value: 'NOOB' } : c)),
      },
      [{ rule: 'signature-invalid', at: '/signature/jws' }],
      'a hop signs the previous signature, not the statement: only the producer signature can prove the content',
    ],
    [
      'signature-altered-hop-time',
      'changing when a relay says it passed the statement on breaks that hop',
      {
        ...chain,
        signature: {
          jws: chain.signature!.jws,
          hops: [{ ...hops[0]!, relayedAt: '2026-09-04T12:00:00Z' }, hops[1]!],
        },
      },
      [{ rule: 'signature-invalid', at: '/signature/hops/0/jws' }],
    ],
    [
      'signature-reordered-hops',
      'hops swapped into another order no longer chain',
      { ...chain, signature: { jws: chain.signature!.jws, hops: [hops[1]!, hops[0]!] } },
      [
        { rule: 'signature-invalid', at: '/signature/hops/0/jws' },
        { rule: 'hop-out-of-order', at: '/signature/hops/1/relayedAt' },
        { rule: 'signature-invalid', at: '/signature/hops/1/jws' },
      ],
    ],
    [
      'signature-dropped-hop',
      'removing the first relay from the path breaks the next hop, which signed its signature',
      { ...chain, signature: { jws: chain.signature!.jws, hops: [hops[1]!] } },
      [{ rule: 'signature-invalid', at: '/signature/hops/0/jws' }],
    ],
    [
      'signature-hop-dated-before-statement',
      'a hop dated before the statement was recorded is out of order even when its signature holds',
      await addHop(good, { relay: WONDE, relayedAt: '2026-09-04T10:00:00Z', key: await signer('wonde-1') }),
      [{ rule: 'hop-out-of-order', at: '/signature/hops/0/relayedAt' }],
    ],
    [
      'signature-unknown-key',
      "a kid that is not in the producer's JWKS is not trusted, whatever key signed",
      await signStatement(example, { ...(await signer('dfe-other')), kid: 'mis-2027' }),
      [{ rule: 'signature-key-unknown', at: '/signature/jws' }],
    ],
    [
      'signature-kid-of-another-key',
      "signing with another key under the producer's kid fails verification",
      await signStatement(example, { ...(await signer('dfe-other')), kid: kidOf['mis-2026'] }),
      [{ rule: 'signature-invalid', at: '/signature/jws' }],
    ],
    [
      'signature-supplier-not-in-trust-list',
      'a statement whose recordedBy.supplierId is not in the trust list is not trusted',
      await signStatement(
        { ...example, recordedBy: { ...example.recordedBy, supplierId: 'SUP-UNLISTED' } },
        mis,
      ),
      [{ rule: 'signature-supplier-not-trusted', at: '/signature/jws' }],
    ],
    [
      'signature-producer-relaying',
      'a supplier listed only as a producer cannot sign a hop',
      await addHop(good, { relay: MIS, relayedAt: '2026-09-04T11:00:00Z', key: mis }),
      [{ rule: 'signature-supplier-not-trusted', at: '/signature/hops/0/jws' }],
    ],
    [
      'signature-supplier-lapsed',
      "a statement signed after the supplier's trust-list validity ended is not trusted",
      await signStatement(
        { ...example, recordedBy: { ...example.recordedBy, supplierId: 'SUP-LAPSED' } },
        mis,
      ),
      [{ rule: 'signature-supplier-not-trusted', at: '/signature/jws' }],
    ],
    [
      'signature-rotated-key-before-rotation',
      'a key rotated out still verifies a statement recorded while it was valid',
      await misSignedAs('mis-2025', at(example, '2026-05-10T09:00:00Z')),
      [],
      'statements are kept for decades; rotation must not orphan what was signed before it',
    ],
    [
      'signature-expired-key',
      'a rotated-out key does not verify a statement recorded after its validUntil',
      await misSignedAs('mis-2025', example),
      [{ rule: 'signature-key-expired', at: '/signature/jws' }],
    ],
    [
      'signature-key-before-valid-from',
      'a key does not verify a statement recorded before its validFrom',
      await signStatement(at(example, '2026-05-10T09:00:00Z'), mis),
      [{ rule: 'signature-key-expired', at: '/signature/jws' }],
    ],
    [
      'signature-revoked-key',
      'a revoked key verifies nothing, even a statement dated before the revocation',
      await misSignedAs('mis-revoked', example),
      [{ rule: 'signature-key-revoked', at: '/signature/jws' }],
      'a stolen key can sign with any recordedAt, so revocation cannot be judged by the claimed date',
    ],
    [
      'signature-alg-none',
      'an unsecured JWS (alg none, empty signature) is refused',
      withSignature(example, `${header({ alg: 'none', kid: kidOf['mis-2026'] })}..`),
      [{ rule: 'signature-algorithm-not-allowed', at: '/signature/jws' }],
    ],
    [
      'signature-hs256-with-public-key',
      "HS256 keyed with the producer's public key (algorithm confusion) is refused",
      withSignature(example, `${hsHead}..${hsSig}`),
      [{ rule: 'signature-algorithm-not-allowed', at: '/signature/jws' }],
    ],
    [
      'signature-es256-header-on-ed25519-key',
      'a header naming ES256 for an Ed25519 key is refused before any verification',
      withSignature(example, `${edHeadAsEs}..${good.signature!.jws.split('..')[1]}`),
      [{ rule: 'signature-key-algorithm-mismatch', at: '/signature/jws' }],
    ],
    [
      'signature-extra-header-member',
      'a protected header with anything beyond alg and kid (here jku) is malformed',
      withSignature(
        example,
        `${header({ alg: 'EdDSA', kid: kidOf['mis-2026'], jku: 'https://attacker.example/jwks.json' })}..${good.signature!.jws.split('..')[1]}`,
      ),
      [{ rule: 'signature-malformed', at: '/signature/jws' }],
    ],
    [
      'signature-attached-payload',
      'a JWS with its payload attached is not the detached form',
      withSignature(example, `${goodHead}.${base64url.encode('{}')}.${good.signature!.jws.split('..')[1]}`),
      [{ rule: 'signature-malformed', at: '/signature/jws' }],
    ],
  ];

  const base = { asOf: ASOF, trustAnchor, trustList: signedList, jwks: jwksByUri };
  const cases: SignatureCase[] = chainCases.map(([id, description, statement, failures, comment]) => ({
    id,
    description,
    ...(comment ? { comment } : {}),
    section: 'signatures.md 7',
    level: 'MUST',
    input: { ...base, statement },
    tests: [
      {
        id: failures.length === 0 ? 'verifies' : 'refused',
        expect: { verified: failures.length === 0, failures },
      },
    ],
  }));

  const [lh, lp, ls] = signedList.split('.') as [string, string, string];
  const tampered = JSON.parse(Buffer.from(lp, 'base64url').toString('utf8')) as TrustList;
  tampered.entries.push({
    supplier: 'SUP-ROGUE',
    roles: ['producer'],
    jwksUri: uri('SUP-ROGUE'),
    validFrom: '2025-01-01T00:00:00Z',
  });
  const listCases: [string, string, Partial<SignatureCase['input']>, string?][] = [
    [
      'trust-list-added-entry',
      'a trust list with an entry added after signing is refused',
      { trustList: `${lh}.${base64url.encode(JSON.stringify(tampered))}.${ls}` },
    ],
    [
      'trust-list-not-anchor-key',
      'a trust list signed by a key that is not a trust anchor is refused',
      { trustList: await signTrustList(trustList, { ...(await signer('dfe-other')), kid: 'dfe-unlisted' }) },
    ],
    [
      'trust-list-stale',
      'a trust list past its nextUpdate is refused',
      { asOf: '2026-12-01T00:00:01Z' },
      'a stale list could still trust a supplier that has since been removed',
    ],
  ];
  for (const [id, description, change, comment] of listCases)
    cases.push({
      id,
      description,
      ...(comment ? { comment } : {}),
      section: 'signatures.md 6',
      level: 'MUST',
      input: { ...base, ...change, statement: good },
      tests: [
        {
          id: 'refused',
          expect: { verified: false, failures: [{ rule: 'trust-list-invalid', at: '/trustList' }] },
        },
      ],
    });

  return new Map([['must/signatures.json', `${JSON.stringify(cases, null, 2)}\n`]]);
}
