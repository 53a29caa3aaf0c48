import { canonicalJson, type SignedTreeHead, type SubjectReceipt } from '@reuse-pref/schema';
import { commitmentLeaf } from '../ledger/commitment.js';
import { fromHex, leafHash } from './hash.js';
import { LogFormatError, readLogLines } from './log-file.js';
import { MerkleTree } from './merkle.js';
import { type KeyInput, verifyTreeHead } from './tree-head.js';
import { verifyInclusion } from './verify-proofs.js';

export interface Verification {
  readonly ok: boolean;
  readonly problems: string[];
}

const result = (problems: string[]): Verification => ({ ok: problems.length === 0, problems });

/**
 * Checks a receipt with nothing but the log's public key: the salt and entry open the commitment, the
 * path leads from that leaf to the signed root, and the log's key signed that root.
 */
export function verifyReceipt(receipt: SubjectReceipt, publicKey: KeyInput): Verification {
  if (
    !isTreeHead(receipt?.treeHead) ||
    !receipt.proof ||
    !Array.isArray(receipt.proof.path) ||
    !receipt.entry
  ) {
    return result(['receipt is malformed: it needs entry, salt, proof and treeHead']);
  }
  const problems: string[] = [];
  if (!verifyTreeHead(receipt.treeHead, publicKey)) problems.push('tree head signature is not valid');
  if (receipt.proof.treeSize !== receipt.treeHead.treeSize) {
    problems.push(
      `proof is for tree size ${receipt.proof.treeSize}, tree head for ${receipt.treeHead.treeSize}`,
    );
  }
  try {
    const leaf = receiptLeafHash(receipt);
    const included = verifyInclusion(
      leaf,
      receipt.proof.leafIndex,
      receipt.treeHead.treeSize,
      receipt.proof.path.map(fromHex),
      fromHex(receipt.treeHead.rootHash),
    );
    if (!included) problems.push(`entry is not at leaf ${receipt.proof.leafIndex} of the signed tree`);
  } catch (error) {
    problems.push(`receipt is malformed: ${(error as Error).message}`);
  }
  return result(problems);
}

/** The leaf hash a receipt's entry and salt open to. */
export function receiptLeafHash(receipt: SubjectReceipt): Buffer {
  return leafHash(Buffer.from(canonicalJson(commitmentLeaf(receipt.entry, receipt.salt)), 'utf8'));
}

export interface VerifyLogInput {
  readonly logPath: string;
  readonly treeHead: SignedTreeHead;
  readonly publicKey: KeyInput;
  readonly receipt?: SubjectReceipt;
}

/**
 * Checks a log file against a signed tree head, offline: the head is signed by the key, the file's first
 * `treeSize` lines hash to its root, every line is a well-formed canonical leaf with no room for personal
 * data, and each release's counts match the subject leaves committed for it. With a receipt, also checks
 * the receipt and that its leaf is the one in the file.
 */
export async function verifyLogFile(input: VerifyLogInput): Promise<Verification> {
  const { treeHead, publicKey, receipt } = input;
  if (!isTreeHead(treeHead))
    return result(['tree head is malformed: it needs treeSize, rootHash, timestamp, signature']);
  const problems: string[] = [];
  if (!verifyTreeHead(treeHead, publicKey)) problems.push('tree head signature is not valid');

  const tree = new MerkleTree();
  const subjectLeaves = new Map<string, number>();
  try {
    for await (const line of readLogLines(input.logPath)) {
      const index = tree.append(line);
      const problem = checkLeaf(line.toString('utf8'), subjectLeaves);
      if (problem) problems.push(`leaf ${index}: ${problem}`);
    }
  } catch (error) {
    if (!(error instanceof LogFormatError)) throw error;
    problems.push(error.message);
  }

  if (tree.size < treeHead.treeSize) {
    problems.push(`log has ${tree.size} leaves but the tree head commits to ${treeHead.treeSize}: truncated`);
  } else if (tree.rootHash(treeHead.treeSize).toString('hex') !== treeHead.rootHash) {
    problems.push(`the first ${treeHead.treeSize} leaves do not hash to the tree head's root`);
  }

  if (receipt) {
    problems.push(...verifyReceipt(receipt, publicKey).problems.map((p) => `receipt: ${p}`));
    const leafIndex = receipt.proof?.leafIndex ?? -1;
    const treeSize = receipt.proof?.treeSize ?? 0;
    if (
      !Number.isSafeInteger(leafIndex) ||
      !Number.isSafeInteger(treeSize) ||
      leafIndex < 0 ||
      treeSize < 1
    ) {
      problems.push('receipt: the proof has no usable leaf index and tree size');
    } else if (treeSize > tree.size || leafIndex >= tree.size) {
      problems.push('receipt: the log does not reach the receipt’s tree size');
    } else {
      if (tree.rootHash(treeSize).toString('hex') !== receipt.treeHead?.rootHash) {
        problems.push('receipt: its tree head is not a state of this log');
      }
      let leaf: Buffer | undefined;
      try {
        leaf = receiptLeafHash(receipt);
      } catch {
        // verifyReceipt above has already reported the malformed receipt.
      }
      if (leaf && !tree.leafHashAt(leafIndex).equals(leaf)) {
        problems.push(`receipt: leaf ${leafIndex} of the log is a different entry`);
      }
    }
  }
  return result(problems);
}

/**
 * What is wrong with one log line (README 3.6), or undefined: a canonical subject leaf with only its
 * commitment, or a release leaf whose decision counts exactly the subject leaves committed for it before
 * it (`subjectLeaves`, by release id, kept up to date as the lines are read in order).
 */
export function checkLeaf(line: string, subjectLeaves: Map<string, number>): string | undefined {
  let leaf: unknown;
  try {
    leaf = JSON.parse(line);
  } catch {
    return 'not JSON';
  }
  if (leaf === null || typeof leaf !== 'object' || Array.isArray(leaf)) return 'not a leaf object';
  if (canonicalJson(leaf) !== line) return 'not canonical JSON (RFC 8785)';
  const obj = leaf as Record<string, unknown>;
  if (obj.type === 'subject') {
    const keys = Object.keys(obj).sort().join(',');
    if (keys !== 'commitment,releaseId,type')
      return `subject leaf has fields ${keys}: only a commitment may appear`;
    if (typeof obj.commitment !== 'string' || !/^[0-9a-f]{64}$/.test(obj.commitment)) return 'bad commitment';
    const id = String(obj.releaseId);
    subjectLeaves.set(id, (subjectLeaves.get(id) ?? 0) + 1);
    return undefined;
  }
  if (obj.type === 'release') {
    const decision = obj.decision as { releaseId?: string; counts?: { total?: number } } | undefined;
    const id = String(decision?.releaseId);
    const committed = subjectLeaves.get(id) ?? 0;
    if (decision?.counts?.total !== committed) {
      return `release ${id} counts ${decision?.counts?.total} subjects but ${committed} were committed`;
    }
    return undefined;
  }
  return `unknown leaf type ${JSON.stringify(obj.type)}`;
}

function isTreeHead(head: unknown): head is SignedTreeHead {
  const h = head as Partial<SignedTreeHead> | null | undefined;
  return (
    typeof h === 'object' &&
    h !== null &&
    Number.isSafeInteger(h.treeSize) &&
    h.treeSize! >= 0 &&
    Number.isSafeInteger(h.timestamp) &&
    h.timestamp! >= 0 &&
    typeof h.rootHash === 'string' &&
    /^[0-9a-f]{64}$/.test(h.rootHash) &&
    typeof h.signature === 'string'
  );
}
