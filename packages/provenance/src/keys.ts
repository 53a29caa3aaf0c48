import { exportJWK, generateKeyPair, type JSONWebKeySet, type JWK } from 'jose';
import type { SignatureAlgorithm } from './algorithms.js';
import type { SigningKey } from './detached-jws.js';

export interface KeyValidity {
  /** RFC 3339: the first time the key may sign (a JWK member this standard adds; others ignore it). */
  validFrom?: string;
  /** RFC 3339: the last time the key may sign. After rotation, what it signed before this still verifies. */
  validUntil?: string;
}

export interface GeneratedKey {
  signingKey: SigningKey;
  /** The public half, as it goes in the supplier's /.well-known/jwks.json. */
  publicJwk: JWK;
}

/** A new signing key pair: Ed25519 for EdDSA, P-256 for ES256. Keep `signingKey` private. */
export async function generateSigningKey(
  alg: SignatureAlgorithm,
  kid: string,
  validity: KeyValidity = {},
): Promise<GeneratedKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, {
    crv: alg === 'EdDSA' ? 'Ed25519' : 'P-256',
    extractable: true,
  });
  return { signingKey: { alg, kid, privateKey }, publicJwk: await publicJwk(publicKey, alg, kid, validity) };
}

/** A public key as a JWK for a JWKS: kid, alg, use "sig" and, when given, its period of validity. */
export async function publicJwk(
  publicKey: Parameters<typeof exportJWK>[0],
  alg: SignatureAlgorithm,
  kid: string,
  validity: KeyValidity = {},
): Promise<JWK> {
  const { kty, crv, x, y } = await exportJWK(publicKey);
  return { kty, crv, x, ...(y ? { y } : {}), kid, alg, use: 'sig', ...validity } as JWK;
}

/** The document a party serves at /.well-known/jwks.json. */
export function jwks(keys: JWK[]): JSONWebKeySet {
  for (const k of keys) if ('d' in k) throw new TypeError(`jwks: key ${k.kid} holds private material (d)`);
  return { keys };
}
