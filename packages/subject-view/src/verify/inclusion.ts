import { equalBytes } from './bytes.js';
import { nodeHash } from './hashes.js';

/**
 * RFC 9162 §2.1.3.2: does `path` lead from the leaf hash at `index` to `root` in a tree of `treeSize`
 * leaves? The same walk as packages/release/src/log/verify-proofs.ts, with WebCrypto's asynchronous
 * SHA-256; the subject view's tests run both on the same receipts and require the same verdict.
 */
export async function verifyInclusion(
  subtle: SubtleCrypto,
  leaf: Uint8Array,
  index: number,
  treeSize: number,
  path: readonly Uint8Array[],
  root: Uint8Array,
): Promise<boolean> {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize) || index < 0 || index >= treeSize) {
    return false;
  }
  // BigInt keeps the bit arithmetic exact beyond 2^31 leaves, where JS bitwise operators would wrap.
  let fn = BigInt(index);
  let sn = BigInt(treeSize - 1);
  let r = leaf;
  for (const p of path) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      r = await nodeHash(subtle, p, r);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = await nodeHash(subtle, r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && equalBytes(r, root);
}
