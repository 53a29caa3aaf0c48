/**
 * The verification rules of spec/v1/signatures.md section 7, one stable id each. A failure names the rule
 * and where it was found (a JSON pointer into the statement), so a receiver's problem+json and a vector's
 * expectation say the same thing.
 */
export const SignatureRules = {
  'signature-missing': 'the statement carries no signature, and this receiver requires one',
  'signature-malformed':
    'the JWS is not a detached compact JWS whose protected header holds exactly "alg" and "kid"',
  'signature-algorithm-not-allowed': 'the JWS algorithm is not EdDSA (Ed25519) or ES256',
  'signature-supplier-not-trusted':
    'the signer is not in the trust list for this role, or signed outside its period of validity',
  'signature-key-unknown': "no key with this kid is in the signer's JWKS",
  'signature-key-algorithm-mismatch': "the key's type, curve or declared alg does not fit the JWS algorithm",
  'signature-key-expired':
    'the key was not valid at the signing time (before its validFrom or after its validUntil)',
  'signature-key-revoked': 'the trust list revokes this key: no signature made with it is accepted',
  'signature-invalid': 'the signature does not match the signed content (the statement or hop was altered)',
  'hop-out-of-order': 'a hop is dated before the hop or statement it follows',
  'trust-list-invalid':
    'the trust list is not signed by a trust anchor key, is malformed, or is past its nextUpdate',
} as const;

export type SignatureRuleId = keyof typeof SignatureRules;

export interface SignatureFailure {
  rule: SignatureRuleId;
  /** JSON pointer into the statement: /signature/jws or /signature/hops/<n>/jws (or /signature, /recordedAt). */
  at: string;
  message: string;
}

export function failure(rule: SignatureRuleId, at: string, detail?: string): SignatureFailure {
  return { rule, at, message: detail ? `${SignatureRules[rule]}: ${detail}` : SignatureRules[rule] };
}
