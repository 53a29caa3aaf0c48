import { hash } from 'node:crypto';

// RFC 9162 §2.1.1: distinct prefixes keep a leaf from ever hashing like an interior node (second preimage).
const LEAF_PREFIX = Buffer.from([0x00]);

export const HASH_SIZE = 32;

// One-shot crypto.hash over one buffer: a national release hashes tens of millions of short inputs, and a
// Hash object per input costs more than the hashing.
export function sha256(...parts: Uint8Array[]): Buffer {
  const input = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  return hash('sha256', input, 'buffer') as unknown as Buffer;
}

export function leafHash(leaf: Uint8Array): Buffer {
  return sha256(LEAF_PREFIX, leaf);
}

/** leafHash of a leaf's text (its canonical JSON line) as UTF-8, written into one reused buffer. */
export function leafHashOfText(text: string): Buffer {
  // At most 3 UTF-8 bytes per UTF-16 unit: the text always fits, and write says how much it took.
  const room = 1 + 3 * text.length;
  if (room > leafScratch.length) leafScratch = Buffer.allocUnsafe(Math.max(room, leafScratch.length * 2));
  leafScratch[0] = 0x00; // the leaf prefix
  const size = 1 + leafScratch.write(text, 1, 'utf8');
  return hash('sha256', leafScratch.subarray(0, size), 'buffer') as unknown as Buffer;
}

let leafScratch = Buffer.allocUnsafe(1024);

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  // One reused input: the hash is taken before this returns, so nothing else can see it change.
  nodeScratch.set(left, 1);
  nodeScratch.set(right, 1 + HASH_SIZE);
  return hash('sha256', nodeScratch, 'buffer') as unknown as Buffer;
}

const nodeScratch = Buffer.alloc(1 + 2 * HASH_SIZE, 0x01); // byte 0 stays the node prefix

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_TREE_HASH = sha256(Buffer.alloc(0));

export function fromHex(hex: string): Buffer {
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new TypeError('expected a SHA-256 as 64 lowercase hex digits');
  return Buffer.from(hex, 'hex');
}
