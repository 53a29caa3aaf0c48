import { canonicalJson, compareInstants, parseInstant, type TrustList } from '@reuse-pref/schema';
import { base64url, type JSONWebKeySet } from 'jose';
import { isAllowedAlgorithm, keyFitsAlgorithm } from './algorithms.js';
import { publicKeyOf, readDetached, type SigningKey, signDetached, verifyDetached } from './detached-jws.js';
import { SignatureRules } from './rules.js';

/** A trust list that cannot be used; `rule` is always trust-list-invalid, `message` says why. */
export class TrustListError extends Error {
  readonly rule = 'trust-list-invalid' as const;
  constructor(detail: string) {
    super(`${SignatureRules['trust-list-invalid']}: ${detail}`);
    this.name = 'TrustListError';
  }
}

const utf8 = new TextEncoder();

/**
 * The issuer's step (DfE): signs the list as a compact JWS whose payload is the list's RFC 8785
 * canonical JSON. Unlike statements, the payload travels inside the JWS: the list is a document of its own.
 */
export async function signTrustList(list: TrustList, key: SigningKey): Promise<string> {
  const payload = utf8.encode(canonicalJson(list));
  const detached = await signDetached(payload, key);
  const [head, , signature] = detached.split('.');
  return `${head}.${base64url.encode(payload)}.${signature}`;
}

const isTime = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(parseInstant(v));

/** Checks the members a verifier relies on; the JSON Schema (trust-list.schema.json) says the rest. */
function checkShape(list: unknown): asserts list is TrustList {
  const l = list as TrustList;
  if (typeof l !== 'object' || l === null || Array.isArray(l))
    throw new TrustListError('payload is not a JSON object');
  if (
    typeof l.issuer !== 'string' ||
    !isTime(l.issuedAt) ||
    !isTime(l.nextUpdate) ||
    !Array.isArray(l.entries)
  )
    throw new TrustListError('issuer, issuedAt, nextUpdate and entries are required');
  l.entries.forEach((e, i) => {
    const ok =
      typeof e === 'object' &&
      e !== null &&
      typeof e.supplier === 'string' &&
      Array.isArray(e.roles) &&
      e.roles.length > 0 &&
      e.roles.every((r) => r === 'producer' || r === 'relay') &&
      typeof e.jwksUri === 'string' &&
      e.jwksUri.startsWith('https://') &&
      isTime(e.validFrom) &&
      (e.validUntil === undefined || isTime(e.validUntil)) &&
      (e.revokedKeys === undefined ||
        (Array.isArray(e.revokedKeys) &&
          e.revokedKeys.every((r) => typeof r?.kid === 'string' && isTime(r.revokedAt))));
    if (!ok) throw new TrustListError(`entries/${i} does not fit trust-list.schema.json`);
  });
}

/**
 * Verifies a signed trust list against the issuer's published keys (the trust anchor a receiver is
 * configured with) and returns the list. Throws TrustListError when the signature, the algorithm, the
 * key or the payload is wrong, or when `asOf` is past the list's nextUpdate (a stale list could still
 * trust a supplier that has since been removed).
 */
export async function readTrustList(
  jws: string,
  anchor: JSONWebKeySet,
  options: { asOf?: string } = {},
): Promise<TrustList> {
  const parts = typeof jws === 'string' ? jws.split('.') : [];
  if (parts.length !== 3 || parts[1] === '') throw new TrustListError('not a compact JWS with a payload');
  const header = readDetached(`${parts[0]}..${parts[2]}`);
  if (!header) throw new TrustListError('protected header must hold exactly alg and kid');
  if (!isAllowedAlgorithm(header.alg))
    throw new TrustListError(`alg ${JSON.stringify(header.alg)} is not allowed`);
  const jwk = anchor.keys?.find((k) => k.kid === header.kid);
  if (!jwk) throw new TrustListError(`kid ${JSON.stringify(header.kid)} is not a trust anchor key`);
  if (!keyFitsAlgorithm(jwk, header.alg))
    throw new TrustListError(`anchor key ${header.kid} does not fit ${header.alg}`);
  let payload: Uint8Array;
  try {
    payload = base64url.decode(parts[1]!);
  } catch {
    throw new TrustListError('payload is not base64url');
  }
  let key: ReturnType<typeof publicKeyOf>;
  try {
    key = publicKeyOf(jwk);
  } catch {
    throw new TrustListError(`anchor key ${header.kid} cannot be read`);
  }
  if (!verifyDetached(header, Buffer.from(payload).toString('base64url'), key, header.alg))
    throw new TrustListError('signature does not verify');
  let list: unknown;
  try {
    list = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
  } catch {
    throw new TrustListError('payload is not JSON');
  }
  checkShape(list);
  const asOf = options.asOf ?? new Date().toISOString();
  if (compareInstants(list.nextUpdate, asOf) < 0)
    throw new TrustListError(`nextUpdate ${list.nextUpdate} has passed`);
  return list;
}
