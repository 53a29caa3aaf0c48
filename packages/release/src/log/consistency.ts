import type { SignedTreeHead, SubjectReceipt } from '@reuse-pref/schema';
import { fromHex } from './hash.js';
import { type KeyInput, verifyTreeHead } from './tree-head.js';
import { type Verification, verifyReceipt } from './verify.js';
import { verifyConsistency } from './verify-proofs.js';

const result = (problems: string[]): Verification => ({ ok: problems.length === 0, problems });

/**
 * Whether `path` (hex hashes) is an RFC 9162 §2.1.4 consistency proof from the tree of `firstSize`
 * leaves with root `firstRoot` to the tree of `secondSize` with root `secondRoot` (both hex). A malformed
 * hash proves nothing, so it answers false rather than throwing: a witness and the conformance suite's
 * auditor both read proofs off the wire.
 */
export function consistencyHolds(
  firstSize: number,
  secondSize: number,
  firstRoot: string,
  secondRoot: string,
  path: readonly string[],
): boolean {
  try {
    return verifyConsistency(
      firstSize,
      secondSize,
      fromHex(firstRoot),
      fromHex(secondRoot),
      path.map(fromHex),
    );
  } catch {
    return false;
  }
}

/**
 * Whether `newer` extends `older`: both signed by the log's key, and `path` an RFC 9162 §2.1.4
 * consistency proof from the older tree to the newer one. Two heads of one size must have one root; a
 * smaller newer head is a log that shrank. This is what a witness checks on every poll, and what ties an
 * old receipt to the newest head.
 */
export function verifyHeadConsistency(
  older: SignedTreeHead,
  newer: SignedTreeHead,
  path: readonly string[],
  publicKey: KeyInput,
): Verification {
  const problems: string[] = [];
  if (!verifyTreeHead(older, publicKey)) problems.push('the older tree head signature is not valid');
  if (!verifyTreeHead(newer, publicKey)) problems.push('the newer tree head signature is not valid');
  if (problems.length > 0) return result(problems);
  if (newer.treeSize < older.treeSize) {
    return result([`the log shrank: a head of ${newer.treeSize} leaves after one of ${older.treeSize}`]);
  }
  if (newer.treeSize === older.treeSize) {
    return result(
      newer.rootHash === older.rootHash
        ? []
        : [`two heads of ${older.treeSize} leaves with different roots: the log was rewritten (a fork)`],
    );
  }
  const consistent = consistencyHolds(older.treeSize, newer.treeSize, older.rootHash, newer.rootHash, path);
  return result(
    consistent
      ? []
      : [
          `the head of ${newer.treeSize} leaves does not extend the head of ${older.treeSize}: the log was rewritten (or the proof is wrong)`,
        ],
  );
}

/**
 * A receipt checked against the newest head, not only its own: the entry is in the tree its own head
 * signed (verifyReceipt), and that head is a prefix of `newest` (`path` proves it). A receipt whose leaf
 * was later rewritten passes verifyReceipt alone; it fails here.
 */
export function verifyReceiptAgainstHead(
  receipt: SubjectReceipt,
  newest: SignedTreeHead,
  path: readonly string[],
  publicKey: KeyInput,
): Verification {
  const own = verifyReceipt(receipt, publicKey);
  if (!own.ok) return own;
  const extended = verifyHeadConsistency(receipt.treeHead, newest, path, publicKey);
  return result(extended.problems.map((p) => `against the newest head: ${p}`));
}
