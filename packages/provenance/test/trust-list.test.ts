import type { TrustList } from '@reuse-pref/schema';
import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { generateSigningKey, jwks, readTrustList, signTrustList, TrustListError } from '../src/index.js';

const list: TrustList = {
  issuer: 'DFE',
  issuedAt: '2026-11-01T00:00:00Z',
  nextUpdate: '2026-12-01T00:00:00Z',
  entries: [
    {
      supplier: 'SUP-EXAMPLE',
      roles: ['producer', 'relay'],
      jwksUri: 'https://mis.example/.well-known/jwks.json',
      validFrom: '2026-01-01T00:00:00Z',
      revokedKeys: [{ kid: 'old', revokedAt: '2026-10-01T00:00:00Z' }],
    },
  ],
};

describe('signed trust list', () => {
  it('round-trips through sign and read with either algorithm', async () => {
    for (const alg of ['EdDSA', 'ES256'] as const) {
      const dfe = await generateSigningKey(alg, 'dfe');
      const jws = await signTrustList(list, dfe.signingKey);
      expect(await readTrustList(jws, jwks([dfe.publicJwk]), { asOf: '2026-11-15T00:00:00Z' })).toEqual(list);
    }
  });

  it('refuses each way a list can be wrong, with rule trust-list-invalid', async () => {
    const dfe = await generateSigningKey('EdDSA', 'dfe');
    const anchor = jwks([dfe.publicJwk]);
    const good = await signTrustList(list, dfe.signingKey);
    const [h, , s] = good.split('.');
    const asPayload = (v: unknown) => `${h}.${base64url.encode(JSON.stringify(v))}.${s}`;
    const other = await generateSigningKey('EdDSA', 'dfe');
    const resign = async (v: unknown) => signTrustList(v as TrustList, dfe.signingKey);
    const bad: [string, string, RegExp][] = [
      ['detached', `${h}..${s}`, /payload/],
      ['not JWS', 'hello', /compact JWS/],
      ['alg none', `${base64url.encode('{"alg":"none","kid":"dfe"}')}.${good.split('.')[1]}.`, /not allowed/],
      ['other key, same kid', await signTrustList(list, other.signingKey), /does not verify/],
      ['unknown kid', await signTrustList(list, { ...dfe.signingKey, kid: 'x' }), /not a trust anchor/],
      ['payload changed', asPayload({ ...list, nextUpdate: '2030-01-01T00:00:00Z' }), /does not verify/],
      ['not an object', await resign([]), /not a JSON object/],
      [
        'http jwksUri',
        await resign({ ...list, entries: [{ ...list.entries[0], jwksUri: 'http://x' }] }),
        /entries\/0/,
      ],
      [
        'unknown role',
        await resign({ ...list, entries: [{ ...list.entries[0], roles: ['admin'] }] }),
        /entries\/0/,
      ],
      [
        'bad revokedAt',
        await resign({
          ...list,
          entries: [{ ...list.entries[0], revokedKeys: [{ kid: 'a', revokedAt: 'soon' }] }],
        }),
        /entries\/0/,
      ],
      ['no nextUpdate', await resign({ ...list, nextUpdate: undefined }), /required/],
    ];
    for (const [why, jws, message] of bad) {
      const error = await readTrustList(jws, anchor, { asOf: '2026-11-15T00:00:00Z' }).catch(
        (e: unknown) => e,
      );
      expect(error, why).toBeInstanceOf(TrustListError);
      expect((error as TrustListError).rule).toBe('trust-list-invalid');
      expect((error as Error).message, why).toMatch(message);
    }
    await expect(readTrustList(good, anchor, { asOf: '2026-12-01T00:00:00Z' })).resolves.toEqual(list);
    await expect(readTrustList(good, anchor, { asOf: '2026-12-01T00:00:00.001Z' })).rejects.toThrow(
      /nextUpdate/,
    );
  });
});
