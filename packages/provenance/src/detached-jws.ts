import { createPublicKey, type JsonWebKey, type KeyObject, verify as nodeVerify } from 'node:crypto';
import { base64url, type CryptoKey, FlattenedSign, type JWK } from 'jose';
import { isAllowedAlgorithm, type SignatureAlgorithm } from './algorithms.js';

export type PrivateKeyLike = CryptoKey | KeyObject;

/** A key a producer or relay signs with: its algorithm, the kid published in its JWKS, the private key. */
export interface SigningKey {
  alg: SignatureAlgorithm;
  kid: string;
  privateKey: PrivateKeyLike;
}

/** Signs `payload` and returns RFC 7515 appendix F detached compact form: header "..", signature. */
export async function signDetached(payload: Uint8Array, key: SigningKey): Promise<string> {
  if (!isAllowedAlgorithm(key.alg))
    throw new TypeError(`signing key alg must be EdDSA or ES256, not ${String(key.alg)}`);
  if (typeof key.kid !== 'string' || key.kid === '') throw new TypeError('signing key needs a kid');
  const jws = await new FlattenedSign(payload)
    .setProtectedHeader({ alg: key.alg, kid: key.kid })
    .sign(key.privateKey);
  return `${jws.protected}..${jws.signature}`;
}

export interface DetachedHeader {
  alg: string;
  kid: string;
  protected: string;
  signature: string;
}

const PART = /^[A-Za-z0-9_-]+$/;

/**
 * Reads the header of a detached compact JWS, strictly: three parts with an empty middle, base64url
 * without padding, a JSON object header holding exactly `alg` and `kid` (so no `crit`, `b64`, `jwk` or
 * `jku` can steer the verifier). Returns undefined for anything else.
 */
export function readDetached(jws: unknown): DetachedHeader | undefined {
  if (typeof jws !== 'string') return undefined;
  const parts = jws.split('.');
  if (parts.length !== 3 || parts[1] !== '') return undefined;
  const [head, , signature] = parts as [string, string, string];
  // An empty signature is read (alg none has one) so that the verifier can name the algorithm as the fault.
  if (signature !== '' && !PART.test(signature)) return undefined;
  const read = readHeader(head);
  return read && { alg: read.alg, kid: read.kid, protected: head, signature };
}

/**
 * Headers read, by their base64url text. A signer's header is the same bytes on every statement it
 * signs (only alg and kid), so a census of statements from a few signers reads a few headers; the cache
 * is emptied when it reaches HEADERS_KEPT entries, so headers built to differ cannot grow it.
 */
const headers = new Map<string, { alg: string; kid: string } | undefined>();
const HEADERS_KEPT = 256;

function readHeader(head: string): { alg: string; kid: string } | undefined {
  if (headers.has(head)) return headers.get(head);
  const read = decodeHeader(head);
  if (headers.size >= HEADERS_KEPT) headers.clear();
  headers.set(head, read);
  return read;
}

function decodeHeader(head: string): { alg: string; kid: string } | undefined {
  if (!PART.test(head)) return undefined;
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64url.decode(head)));
  } catch {
    return undefined;
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) return undefined;
  const keys = Object.keys(header).sort();
  if (keys.length !== 2 || keys[0] !== 'alg' || keys[1] !== 'kid') return undefined;
  const { alg, kid } = header as { alg: unknown; kid: unknown };
  if (typeof alg !== 'string' || typeof kid !== 'string' || kid === '') return undefined;
  return { alg, kid };
}

/**
 * True when the signature verifies over the payload whose base64url form is `encodedPayload` with `key`
 * under exactly `alg`. The JWS signing input (RFC 7515 5.2) is built here and checked with node:crypto's
 * one-shot verify, which on this path costs a third of jose's for ES256 (no WebCrypto round trip per
 * call); jose signs, and reads every key.
 */
export function verifyDetached(
  header: DetachedHeader,
  encodedPayload: string,
  key: KeyObject,
  alg: SignatureAlgorithm,
): boolean {
  const input = Buffer.from(`${header.protected}.${encodedPayload}`, 'latin1');
  const signature = Buffer.from(header.signature, 'base64url');
  try {
    return alg === 'EdDSA'
      ? nodeVerify(null, input, key, signature)
      : nodeVerify('sha256', input, { key, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    return false;
  }
}

/** Text (a canonical JSON payload) as base64url of its UTF-8 bytes, encoded in one step. */
export function encodeTextPayload(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** A public JWK as a node:crypto key; only the public members are read, whatever else the JWK holds. */
export function publicKeyOf(jwk: JWK): KeyObject {
  const { kty, crv, x, y } = jwk;
  return createPublicKey({
    key: { kty, crv, x, ...(y === undefined ? {} : { y }) } as JsonWebKey,
    format: 'jwk',
  });
}
