import type { KeyValidity, SigningKey } from '@reuse-pref/provenance';
import type { JWK } from 'jose';

/**
 * What a server signs with (spec/v1/signatures.md): a producer signs each statement it records as
 * `supplier`, a relay appends its hop to each signed statement it passes on. The public half of `key`
 * and `previousKeys` are served at /.well-known/jwks.json.
 */
export interface SigningOptions {
  /** The supplier id this server signs as, as the trust list names it (a producer: recordedBy.supplierId). */
  supplier: string;
  /**
   * The key it signs with now: EdDSA (Ed25519, deterministic) or ES256, which signatures.md 3.8 recommends
   * for statements bound for bulk intake (a receiver verifies P-256 chains faster).
   */
  key: SigningKey;
  /** When the current key may sign, published with it (`validFrom`/`validUntil`). */
  validity?: KeyValidity;
  /**
   * Public keys rotated out (with their `validUntil`) whose signatures are still held: served beside the
   * current key, because a statement signed years ago must still verify (signatures.md 5.4).
   */
  previousKeys?: JWK[];
}
