import { concatBytes } from './bytes.js';

/**
 * The log's hashes (RFC 9162 §2.1.1, as packages/release/src/log/hash.ts computes them) with WebCrypto:
 * SHA-256 with a 0x00 prefix for a leaf and 0x01 for an interior node, so no leaf can pass as a node.
 */
export async function sha256(subtle: SubtleCrypto, ...parts: Uint8Array[]): Promise<Uint8Array> {
  const input = parts.length === 1 ? parts[0]! : concatBytes(...parts);
  return new Uint8Array(await subtle.digest('SHA-256', input as BufferSource));
}

const LEAF = new Uint8Array([0x00]);
const NODE = new Uint8Array([0x01]);

export const leafHash = (subtle: SubtleCrypto, leaf: Uint8Array) => sha256(subtle, LEAF, leaf);
export const nodeHash = (subtle: SubtleCrypto, left: Uint8Array, right: Uint8Array) =>
  sha256(subtle, NODE, left, right);
