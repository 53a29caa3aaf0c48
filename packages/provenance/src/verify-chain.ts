import { compareInstants, parseInstant, type Statement } from '@reuse-pref/schema';
import type { JWK } from 'jose';
import { isAllowedAlgorithm, keyFitsAlgorithm } from './algorithms.js';
import { encodeTextPayload, readDetached, verifyDetached } from './detached-jws.js';
import type { KeyDirectory, SignerRole } from './key-directory.js';
import { failure, type SignatureFailure } from './rules.js';
import { hopPayloadText, statementPayloadText } from './signing-input.js';

export interface SignerSeen {
  supplier: string;
  kid?: string;
  /** The time the signature claims: the statement's recordedAt, or the hop's relayedAt. */
  signedAt: string;
}

/** The outcome of verifying one statement's chain. */
export interface ChainVerdict {
  /** True only when the statement is signed and every signature in the chain holds. */
  verified: boolean;
  signed: boolean;
  producer?: SignerSeen;
  hops: SignerSeen[];
  /** Every rule that failed, producer first, then hops in order. Empty when verified. */
  failures: SignatureFailure[];
}

/** Verifies one JWS of the chain; pushes what fails onto `failures`. */
async function checkLink(
  keys: KeyDirectory,
  role: SignerRole,
  supplier: string,
  signedAt: string,
  jws: unknown,
  payload: () => string,
  at: string,
  failures: SignatureFailure[],
): Promise<string | undefined> {
  const header = readDetached(jws);
  if (!header) {
    failures.push(failure('signature-malformed', at));
    return undefined;
  }
  if (!isAllowedAlgorithm(header.alg)) {
    failures.push(failure('signature-algorithm-not-allowed', at, `alg ${JSON.stringify(header.alg)}`));
    return header.kid;
  }
  if (header.signature === '') {
    failures.push(failure('signature-malformed', at, 'the signature part is empty'));
    return header.kid;
  }
  const signer = keys.signer(supplier, role);
  const time = parseInstant(signedAt);
  const entry = signer?.entry;
  if (
    !signer ||
    !entry ||
    Number.isNaN(time) ||
    compareInstants(entry.validFrom, signedAt) > 0 ||
    (entry.validUntil !== undefined && compareInstants(entry.validUntil, signedAt) < 0)
  ) {
    failures.push(
      failure('signature-supplier-not-trusted', at, `${role} ${JSON.stringify(supplier)} at ${signedAt}`),
    );
    return header.kid;
  }
  const revoked = entry.revokedKeys?.find((r) => r.kid === header.kid);
  if (revoked) {
    failures.push(
      failure(
        'signature-key-revoked',
        at,
        `kid ${JSON.stringify(header.kid)} revoked at ${revoked.revokedAt}`,
      ),
    );
    return header.kid;
  }
  let jwk: JWK | undefined;
  try {
    jwk = await signer.key(header.kid);
  } catch (error) {
    failures.push(
      failure(
        'signature-key-unknown',
        at,
        `JWKS of ${supplier} could not be loaded (${(error as Error).message})`,
      ),
    );
    return header.kid;
  }
  if (!jwk) {
    failures.push(failure('signature-key-unknown', at, `kid ${JSON.stringify(header.kid)} of ${supplier}`));
    return header.kid;
  }
  if (!keyFitsAlgorithm(jwk, header.alg)) {
    failures.push(
      failure(
        'signature-key-algorithm-mismatch',
        at,
        `kid ${JSON.stringify(header.kid)} with alg ${header.alg}`,
      ),
    );
    return header.kid;
  }
  const from = (jwk as { validFrom?: unknown }).validFrom;
  const until = (jwk as { validUntil?: unknown }).validUntil;
  if (
    (typeof from === 'string' && !(compareInstants(from, signedAt) <= 0)) ||
    (typeof until === 'string' && !(compareInstants(until, signedAt) >= 0))
  ) {
    failures.push(failure('signature-key-expired', at, `kid ${JSON.stringify(header.kid)} at ${signedAt}`));
    return header.kid;
  }
  let key: ReturnType<typeof signer.importKey>;
  try {
    key = signer.importKey(jwk);
  } catch {
    failures.push(
      failure(
        'signature-key-algorithm-mismatch',
        at,
        `kid ${JSON.stringify(header.kid)} cannot be read as ${header.alg}`,
      ),
    );
    return header.kid;
  }
  if (!verifyDetached(header, encodeTextPayload(payload()), key, header.alg))
    failures.push(failure('signature-invalid', at));
  return header.kid;
}

/**
 * Verifies a statement's signature and every hop after it against the trust list behind `keys`.
 * Never throws on bad input: every fault becomes a failure with its rule id. The producer must be the
 * supplier named in recordedBy.supplierId, signing as of recordedAt; each relay signs as of its relayedAt.
 * Keys are judged at those signing times (a rotated-out key still verifies what it signed while valid);
 * a revoked key verifies nothing.
 */
export async function verifyChain(statement: Statement, keys: KeyDirectory): Promise<ChainVerdict> {
  const signature = (statement as { signature?: unknown }).signature as Statement['signature'] | undefined;
  if (signature === undefined)
    return {
      verified: false,
      signed: false,
      hops: [],
      failures: [failure('signature-missing', '/signature')],
    };
  const failures: SignatureFailure[] = [];
  if (
    typeof signature !== 'object' ||
    signature === null ||
    typeof signature.jws !== 'string' ||
    (signature.hops !== undefined && !Array.isArray(signature.hops))
  ) {
    return {
      verified: false,
      signed: true,
      hops: [],
      failures: [failure('signature-malformed', '/signature')],
    };
  }
  const supplier = statement.recordedBy?.supplierId;
  const recordedAt = statement.recordedAt;
  const producer: SignerSeen = { supplier: String(supplier), signedAt: String(recordedAt) };
  producer.kid = await checkLink(
    keys,
    'producer',
    String(supplier),
    String(recordedAt),
    signature.jws,
    () => statementPayloadText(statement),
    '/signature/jws',
    failures,
  );

  const hops: SignerSeen[] = [];
  let previous = signature.jws;
  let previousAt = String(recordedAt);
  for (const [i, hop] of (signature.hops ?? []).entries()) {
    const at = `/signature/hops/${i}/jws`;
    if (
      typeof hop !== 'object' ||
      hop === null ||
      typeof hop.relay !== 'string' ||
      typeof hop.relayedAt !== 'string'
    ) {
      failures.push(failure('signature-malformed', `/signature/hops/${i}`));
      break;
    }
    const seen: SignerSeen = { supplier: hop.relay, signedAt: hop.relayedAt };
    if (!(compareInstants(previousAt, hop.relayedAt) <= 0))
      failures.push(
        failure(
          'hop-out-of-order',
          `/signature/hops/${i}/relayedAt`,
          `${hop.relayedAt} is before ${previousAt}`,
        ),
      );
    const prior = previous;
    seen.kid = await checkLink(
      keys,
      'relay',
      hop.relay,
      hop.relayedAt,
      hop.jws,
      () => hopPayloadText(prior, hop.relay, hop.relayedAt),
      at,
      failures,
    );
    hops.push(seen);
    previous = hop.jws;
    previousAt = hop.relayedAt;
  }
  return { verified: failures.length === 0, signed: true, producer, hops, failures };
}
