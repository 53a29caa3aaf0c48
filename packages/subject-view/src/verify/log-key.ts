import { base64ToBytes, bytesToHex } from './bytes.js';
import { sha256 } from './hashes.js';

/** The DER (SPKI) inside a PEM public key, or the DER a bare base64 string holds. */
export function spkiFromText(text: string): Uint8Array {
  const body = text
    .replace(/-----BEGIN PUBLIC KEY-----/, '')
    .replace(/-----END PUBLIC KEY-----/, '')
    .trim();
  return base64ToBytes(body);
}

export class LogKeyError extends Error {
  override name = 'LogKeyError';
}

/**
 * Imports the distributor's published Ed25519 log key (SPKI PEM, as `generateLogKeyPair` writes it). The
 * key comes from the page, never from the API being checked: a distributor that could hand out its own
 * key with each answer could also sign whatever it liked.
 */
export async function importLogKey(text: string, subtle: SubtleCrypto = crypto.subtle): Promise<CryptoKey> {
  let der: Uint8Array;
  try {
    der = spkiFromText(text);
  } catch {
    throw new LogKeyError('the log key is not a PEM or base64 SPKI public key');
  }
  try {
    return await subtle.importKey('spki', der as BufferSource, { name: 'Ed25519' }, false, ['verify']);
  } catch (error) {
    throw new LogKeyError(`the log key cannot be used: ${(error as Error).message}`);
  }
}

/** SHA-256 of the key's SPKI bytes in hex groups of four: what a family compares with the published one. */
export async function logKeyFingerprint(text: string, subtle: SubtleCrypto = crypto.subtle): Promise<string> {
  const hex = bytesToHex(await sha256(subtle, spkiFromText(text)));
  return hex.match(/.{4}/g)!.join(' ');
}
