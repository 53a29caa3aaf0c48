import { createHash } from 'node:crypto';

// RFC 9162 §2.1.1: distinct prefixes keep a leaf from ever hashing like an interior node (second preimage).
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

export const HASH_SIZE = 32;

export function sha256(...parts: Uint8Array[]): Buffer {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
}

export function leafHash(leaf: Uint8Array): Buffer {
  return sha256(LEAF_PREFIX, leaf);
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return sha256(NODE_PREFIX, left, right);
}

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_TREE_HASH = sha256();

export function fromHex(hex: string): Buffer {
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new TypeError('expected a SHA-256 as 64 lowercase hex digits');
  return Buffer.from(hex, 'hex');
}
