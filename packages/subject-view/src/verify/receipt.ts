import type { LedgerEntry, SubjectReceipt } from '@reuse-pref/schema';
import { canonicalJson } from '@reuse-pref/schema/catalogue';
import { bytesToHex, hexToBytes, utf8 } from './bytes.js';
import { leafHash, sha256 } from './hashes.js';
import { verifyInclusion } from './inclusion.js';
import { verifyTreeHead } from './tree-head.js';

/** Why a receipt failed, as codes a page turns into words. */
export type ReceiptProblem = 'malformed' | 'signature' | 'tree-size' | 'inclusion' | 'entry-differs';

export interface ReceiptCheck {
  readonly ok: boolean;
  readonly problems: readonly ReceiptProblem[];
}

const HEX64 = /^[0-9a-f]{64}$/;

function isWellFormed(receipt: SubjectReceipt): boolean {
  const { treeHead: head, proof, entry, salt } = receipt ?? {};
  return (
    typeof head === 'object' &&
    head !== null &&
    Number.isSafeInteger(head.treeSize) &&
    head.treeSize >= 0 &&
    Number.isSafeInteger(head.timestamp) &&
    head.timestamp >= 0 &&
    typeof head.rootHash === 'string' &&
    HEX64.test(head.rootHash) &&
    typeof head.signature === 'string' &&
    typeof proof === 'object' &&
    proof !== null &&
    Array.isArray(proof.path) &&
    proof.path.every((p) => typeof p === 'string' && HEX64.test(p)) &&
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.releaseId === 'string' &&
    typeof salt === 'string' &&
    HEX64.test(salt)
  );
}

/**
 * The leaf hash a receipt opens to: H(0x00 || canonical JSON of { type: 'subject', releaseId, commitment })
 * where commitment = SHA-256(salt || canonical JSON of the entry), as the distributor committed it
 * (packages/release/src/ledger/commitment.ts).
 */
export async function receiptLeafHash(subtle: SubtleCrypto, receipt: SubjectReceipt): Promise<Uint8Array> {
  const commitment = await sha256(subtle, hexToBytes(receipt.salt), utf8(canonicalJson(receipt.entry)));
  const leaf = { type: 'subject', releaseId: receipt.entry.releaseId, commitment: bytesToHex(commitment) };
  return leafHash(subtle, utf8(canonicalJson(leaf)));
}

/**
 * Checks a receipt in the browser with nothing but the log's public key: the salt and entry open the
 * commitment, the path leads from that leaf to the signed root, and the key signed that root. With
 * `shown`, also that the entry the page shows is the one the receipt proves.
 */
export async function verifyReceipt(
  receipt: SubjectReceipt,
  logKey: CryptoKey,
  options: { shown?: LedgerEntry; subtle?: SubtleCrypto } = {},
): Promise<ReceiptCheck> {
  const subtle = options.subtle ?? crypto.subtle;
  if (!isWellFormed(receipt)) return { ok: false, problems: ['malformed'] };
  const problems: ReceiptProblem[] = [];
  if (!(await verifyTreeHead(subtle, receipt.treeHead, logKey))) problems.push('signature');
  if (receipt.proof.treeSize !== receipt.treeHead.treeSize) problems.push('tree-size');
  try {
    const included = await verifyInclusion(
      subtle,
      await receiptLeafHash(subtle, receipt),
      receipt.proof.leafIndex,
      receipt.treeHead.treeSize,
      receipt.proof.path.map(hexToBytes),
      hexToBytes(receipt.treeHead.rootHash),
    );
    if (!included) problems.push('inclusion');
  } catch {
    problems.push('malformed');
  }
  if (options.shown && canonicalJson(options.shown) !== canonicalJson(receipt.entry)) {
    problems.push('entry-differs');
  }
  return { ok: problems.length === 0, problems };
}
