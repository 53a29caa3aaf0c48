import { readFileSync } from 'node:fs';
import type { Statement, TrustList } from '@reuse-pref/schema';
import { describe, expect, it } from 'vitest';
import {
  fetchJwks,
  generateSigningKey,
  jwks,
  keyDirectory,
  signStatement,
  trustInMemory,
  verifyChain,
} from '../src/index.js';

const example = JSON.parse(
  readFileSync(new URL('../../../spec/v1/examples/statement.json', import.meta.url), 'utf8'),
) as Statement;
const list: TrustList = {
  issuer: 'DFE',
  issuedAt: '2026-01-01T00:00:00Z',
  nextUpdate: '2027-01-01T00:00:00Z',
  entries: [
    {
      supplier: 'SUP-EXAMPLE',
      roles: ['producer'],
      jwksUri: 'https://mis.example/jwks',
      validFrom: '2026-01-01T00:00:00Z',
    },
  ],
};

describe('key rotation at the supplier', () => {
  it('a new kid reloads the JWKS once the cached copy is old enough, not before', async () => {
    const old = await generateSigningKey('EdDSA', 'k1');
    const next = await generateSigningKey('EdDSA', 'k2');
    let published = jwks([old.publicJwk]);
    let loads = 0;
    let clock = 0;
    const keys = keyDirectory(
      list,
      () => {
        loads++;
        return published;
      },
      { refreshAfterMs: 1000, now: () => clock },
    );
    expect((await verifyChain(await signStatement(example, old.signingKey), keys)).verified).toBe(true);
    published = jwks([old.publicJwk, next.publicJwk]);
    const byNext = await signStatement(example, next.signingKey);
    clock = 999;
    expect((await verifyChain(byNext, keys)).failures.map((f) => f.rule)).toEqual(['signature-key-unknown']);
    clock = 1000;
    expect((await verifyChain(byNext, keys)).verified).toBe(true);
    expect(loads).toBe(2);
  });
});

describe('jwks and key generation', () => {
  it('publishes public keys with kid, alg, use and validity', async () => {
    const ed = await generateSigningKey('EdDSA', 'a', { validFrom: '2026-01-01T00:00:00Z' });
    const es = await generateSigningKey('ES256', 'b');
    expect(ed.publicJwk).toEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: expect.any(String),
      kid: 'a',
      alg: 'EdDSA',
      use: 'sig',
      validFrom: '2026-01-01T00:00:00Z',
    });
    expect(es.publicJwk).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: expect.any(String),
      y: expect.any(String),
      kid: 'b',
      alg: 'ES256',
      use: 'sig',
    });
  });

  it('refuses to publish private key material', () => {
    expect(() => jwks([{ kty: 'OKP', crv: 'Ed25519', x: 'x', d: 'd', kid: 'oops' }])).toThrow(
      /oops.*private/,
    );
  });

  it('fetchJwks refuses an error status and a body without keys', async () => {
    const answer = (status: number, body: unknown) => async () =>
      new Response(JSON.stringify(body), { status });
    await expect(fetchJwks('https://x.example/jwks', answer(404, {}))).rejects.toThrow(/404/);
    await expect(fetchJwks('https://x.example/jwks', answer(200, { key: [] }))).rejects.toThrow(/keys array/);
    expect(await fetchJwks('https://x.example/jwks', answer(200, { keys: [] }))).toEqual({ keys: [] });
  });
});

describe('trustInMemory', () => {
  it('trusts each party in its roles only, within the validity given', async () => {
    const mis = await generateSigningKey('EdDSA', 'k');
    const { trustList, keys } = trustInMemory(
      [{ supplier: 'SUP-EXAMPLE', roles: ['producer'], keys: [mis.publicJwk] }],
      {
        validUntil: '2026-09-01T00:00:00Z',
      },
    );
    expect(trustList.entries).toEqual([
      expect.objectContaining({
        supplier: 'SUP-EXAMPLE',
        roles: ['producer'],
        validUntil: '2026-09-01T00:00:00Z',
      }),
    ]);
    expect(keys.signer('SUP-EXAMPLE', 'relay')).toBeUndefined();
    const signed = await signStatement(example, mis.signingKey);
    expect((await verifyChain(signed, keys)).failures.map((f) => f.rule)).toEqual([
      'signature-supplier-not-trusted',
    ]);
    expect(
      (await verifyChain({ ...signed, recordedAt: '2026-08-01T00:00:00Z' }, keys)).failures.map(
        (f) => f.rule,
      ),
    ).toEqual(['signature-invalid']);
  });
});
