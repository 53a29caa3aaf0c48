export { ALLOWED_ALGORITHMS, type SignatureAlgorithm } from './algorithms.js';
export type { PrivateKeyLike, SigningKey } from './detached-jws.js';
export {
  fetchJwks,
  type KeyDirectory,
  type KeyDirectoryOptions,
  type KeySnapshot,
  keyDirectory,
  keyDirectoryOf,
  type LoadJwks,
  type SignerRole,
  type TrustedSigner,
} from './key-directory.js';
export { type GeneratedKey, generateSigningKey, jwks, type KeyValidity, publicJwk } from './keys.js';
export { type SignatureFailure, type SignatureRuleId, SignatureRules } from './rules.js';
export { addHop, type HopOptions, signStatement } from './sign.js';
export { hopPayload, statementPayload } from './signing-input.js';
export { type TrustedParty, trustInMemory } from './trust-in-memory.js';
export { readTrustList, signTrustList, TrustListError } from './trust-list.js';
export { type ChainVerdict, type SignerSeen, verifyChain } from './verify-chain.js';
