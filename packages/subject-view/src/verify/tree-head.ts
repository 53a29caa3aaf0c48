import type { SignedTreeHead } from '@reuse-pref/schema';
import { base64ToBytes, concatBytes, hexToBytes } from './bytes.js';

const CONTEXT = new TextEncoder().encode('reuse-pref/tree-head/v1\0');

/**
 * The bytes the distributor signs (spec: SignedTreeHead.signature): the context string and one 0x00,
 * tree size and timestamp as big-endian u64, then the 32-byte root. Binary and fixed-width, so no JSON
 * canonicalisation stands between the browser and the signature.
 */
export function treeHeadBytes(head: Pick<SignedTreeHead, 'treeSize' | 'timestamp' | 'rootHash'>): Uint8Array {
  const numbers = new Uint8Array(16);
  const view = new DataView(numbers.buffer);
  view.setBigUint64(0, BigInt(head.treeSize));
  view.setBigUint64(8, BigInt(head.timestamp));
  const root = hexToBytes(head.rootHash);
  if (root.length !== 32) throw new TypeError('rootHash is not a SHA-256');
  return concatBytes(CONTEXT, numbers, root);
}

/** True only for an Ed25519 signature by `key` over exactly this size, time and root. */
export async function verifyTreeHead(
  subtle: SubtleCrypto,
  head: SignedTreeHead,
  key: CryptoKey,
): Promise<boolean> {
  try {
    const signature = base64ToBytes(head.signature);
    return await subtle.verify(
      { name: 'Ed25519' },
      key,
      signature as BufferSource,
      treeHeadBytes(head) as BufferSource,
    );
  } catch {
    return false;
  }
}
