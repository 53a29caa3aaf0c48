import type { JWK } from 'jose';

/**
 * The only algorithms a signature may use. Fixed, never read from the key or the message alone, so `none`,
 * HS256 keyed with a public key, and every other algorithm-confusion attack are refused before any key
 * is touched (RFC 8725 3.1).
 */
export const ALLOWED_ALGORITHMS = ['EdDSA', 'ES256'] as const;
export type SignatureAlgorithm = (typeof ALLOWED_ALGORITHMS)[number];

export function isAllowedAlgorithm(alg: unknown): alg is SignatureAlgorithm {
  return alg === 'EdDSA' || alg === 'ES256';
}

/** EdDSA here means Ed25519 only (RFC 8037); ES256 means ECDSA on P-256 (RFC 7518 3.4). */
export function keyFitsAlgorithm(jwk: JWK, alg: SignatureAlgorithm): boolean {
  if (jwk.alg !== undefined && jwk.alg !== alg) return false;
  if (jwk.use !== undefined && jwk.use !== 'sig') return false;
  if (alg === 'EdDSA') return jwk.kty === 'OKP' && jwk.crv === 'Ed25519';
  return jwk.kty === 'EC' && jwk.crv === 'P-256';
}
