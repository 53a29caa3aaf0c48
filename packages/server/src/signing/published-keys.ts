import { createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import { jwks, type PrivateKeyLike, publicJwk } from '@reuse-pref/provenance';
import type { KeyInput } from '@reuse-pref/release';
import { calculateJwkThumbprint, exportJWK, type JSONWebKeySet, type JWK } from 'jose';
import type { SigningOptions } from './signing-options.js';

const publicOf = (key: PrivateKeyLike): KeyObject =>
  createPublicKey(key instanceof KeyObject ? key : KeyObject.from(key));

/**
 * The JWKS a server publishes: its statement or hop key (and the keys it rotated out), and, for a
 * distributor, the Ed25519 key its tree heads are signed with (kid: its RFC 7638 thumbprint, since tree
 * heads carry no kid). Never a private member: `jwks()` refuses one.
 */
export async function publishedKeys(
  signing: SigningOptions | undefined,
  treeHeadKey: KeyInput | undefined,
): Promise<JSONWebKeySet> {
  const keys: JWK[] = [];
  if (signing) {
    const { alg, kid, privateKey } = signing.key;
    keys.push(await publicJwk(publicOf(privateKey), alg, kid, signing.validity ?? {}));
    for (const old of signing.previousKeys ?? []) {
      if (keys.some((k) => k.kid === old.kid))
        throw new RangeError(`signing: previous key ${old.kid} has the kid of another published key`);
      keys.push(old);
    }
  }
  if (treeHeadKey !== undefined) {
    const key = treeHeadKey instanceof KeyObject ? treeHeadKey : createPrivateKey(treeHeadKey);
    const { kty, crv, x } = await exportJWK(createPublicKey(key));
    const kid = `tree-head-${await calculateJwkThumbprint({ kty, crv, x } as JWK)}`;
    keys.push({ kty, crv, x, kid, alg: 'EdDSA', use: 'sig' } as JWK);
  }
  return jwks(keys);
}
