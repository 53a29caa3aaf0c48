import { createPublicKey } from 'node:crypto';
import {
  checkLeaf,
  consistencyHolds,
  leafHashOfText,
  MerkleTree,
  receiptLeafHash,
  verifyInclusion,
  verifyTreeHead,
} from '@reuse-pref/release';
import { canonicalJson, type SignedTreeHead, type SubjectReceipt } from '@reuse-pref/schema';
import type { Scope } from './template.js';
import type { VerifyLogStep, VerifyReceiptStep } from './types.js';

/**
 * The auditor's and the family's checks of a distributor's transparency log (spec/v1 README 3.6, decision
 * 0043), done from what the distributor serves and nothing else: the leaves recomputed into the signed
 * root, a consistency proof between two heads, a receipt's commitment and inclusion proof. Each hash is the
 * spec's (RFC 9162 §2.1), so a log whose served leaves, proofs or heads disagree fails here, whatever it
 * keeps inside.
 */

/** Reads the served log: GET /register/log/leaves a page at a time, from `start` for `count` leaves. */
export type LeafReader = (start: number, limit: number) => Promise<{ status: number; body: unknown }>;

const PAGE = 1000;
const name = (ref: string) => ref.replace(/^\$\{|\}$/g, '');
const hex = (h: string) => Buffer.from(h, 'hex');

function headAt(scope: Scope, ref: string): SignedTreeHead {
  const head = scope.lookup(name(ref)) as SignedTreeHead | undefined;
  if (typeof head?.treeSize !== 'number' || typeof head.rootHash !== 'string')
    throw new Error(`${ref} is not a captured signed tree head`);
  return head;
}

/** Whether one of the JWKS's keys (the distributor's, captured from /.well-known/jwks.json) signed `head`. */
function signedByOneOf(head: SignedTreeHead, scope: Scope, keysRef: string): boolean {
  const keys = (scope.lookup(name(keysRef)) as { keys?: Record<string, unknown>[] } | undefined)?.keys ?? [];
  return keys.some((jwk) => {
    try {
      return verifyTreeHead(head, createPublicKey({ key: jwk as never, format: 'jwk' }));
    } catch {
      return false; // a key of another kind (a statement-signing P-256 key) verifies no tree head
    }
  });
}

/**
 * The first `count` leaves as served, each checked to be its own canonical JSON (the text hashed) and a
 * subject or release leaf as README 3.6 defines them.
 */
async function servedLeaves(read: LeafReader, count: number): Promise<string[] | string> {
  const leaves: string[] = [];
  // Subject leaves seen so far per release, which each release leaf must count (README 3.6).
  const committed = new Map<string, number>();
  while (leaves.length < count) {
    const start = leaves.length;
    const got = await read(start, Math.min(PAGE, count - start));
    const body = got.body as { start?: unknown; treeSize?: unknown; leaves?: unknown };
    if (got.status !== 200 || !Array.isArray(body?.leaves))
      return `GET /register/log/leaves?start=${start}: status ${got.status}`;
    if (body.start !== start) return `GET /register/log/leaves?start=${start} says start ${body.start}`;
    if (typeof body.treeSize !== 'number' || body.treeSize < count)
      return `GET /register/log/leaves says treeSize ${body.treeSize}, below a head already signed of ${count}`;
    if (body.leaves.length === 0) return `GET /register/log/leaves?start=${start} is empty before ${count}`;
    for (const leaf of body.leaves.slice(0, count - start)) {
      if (typeof leaf !== 'string') return `leaf ${leaves.length} is not a string`;
      // Canonical JSON, a subject leaf with only its commitment or a release leaf counting its subject leaves.
      const problem = checkLeaf(leaf, committed);
      if (problem) return `leaf ${leaves.length}: ${problem}`;
      leaves.push(leaf);
    }
  }
  return leaves;
}

/**
 * `verifyLog`: the served leaves up to the head's size hash to its root; with `since`, the same leaves up
 * to the earlier head's size hash to its root and the served consistency proof verifies between them;
 * with `keys`, the distributor's key signed each head. Returns why not, or undefined.
 */
export async function verifyLogProblem(
  step: VerifyLogStep,
  scope: Scope,
  read: LeafReader,
  consistency: (first: number, second: number) => Promise<{ status: number; body: unknown }>,
): Promise<string | undefined> {
  const head = headAt(scope, step.head);
  const since = step.since === undefined ? undefined : headAt(scope, step.since);
  for (const [ref, h] of [
    [step.head, head],
    [step.since, since],
  ] as const) {
    if (h && step.keys && !signedByOneOf(h, scope, step.keys))
      return `${ref} is not signed by a key of ${step.keys}`;
  }
  const leaves = await servedLeaves(read, head.treeSize);
  if (typeof leaves === 'string') return leaves;
  const tree = new MerkleTree();
  for (const leaf of leaves) tree.append(Buffer.from(leaf, 'utf8'));
  const root = tree.rootHash(head.treeSize).toString('hex');
  if (root !== head.rootHash)
    return `the ${head.treeSize} leaves served hash to ${root}, not to the root ${head.rootHash} of ${step.head}`;
  if (!since) return undefined;
  if (since.treeSize > head.treeSize) return `${step.since} is larger than ${step.head}`;
  const earlier = tree.rootHash(since.treeSize).toString('hex');
  if (earlier !== since.rootHash)
    return `the first ${since.treeSize} leaves served hash to ${earlier}, not to the root ${since.rootHash} of ${step.since}`;
  const got = await consistency(since.treeSize, head.treeSize);
  const path = (got.body as { path?: unknown })?.path;
  if (got.status !== 200 || !Array.isArray(path))
    return `GET /register/log/consistency?first=${since.treeSize}&second=${head.treeSize}: status ${got.status}`;
  const consistent = consistencyHolds(
    since.treeSize,
    head.treeSize,
    since.rootHash,
    head.rootHash,
    path.map((p) => String(p)),
  );
  return consistent
    ? undefined
    : `the consistency proof from ${since.treeSize} to ${head.treeSize} does not verify against the two roots`;
}

/**
 * `verifyReceipt`: the receipt's salt and entry open to the commitment leaf the log serves at its
 * leafIndex, its inclusion proof leads from that leaf to its head's root (for the head's size), and with
 * `keys` the distributor's key signed that head. Returns why not, or undefined.
 */
export async function verifyReceiptProblem(
  step: VerifyReceiptStep,
  scope: Scope,
  read: LeafReader,
): Promise<string | undefined> {
  const receipt = scope.lookup(name(step.receipt)) as SubjectReceipt | undefined;
  if (!receipt?.proof || !receipt.treeHead || !receipt.entry) return `${step.receipt} is not a receipt`;
  const { proof, treeHead } = receipt;
  if (proof.treeSize !== treeHead.treeSize)
    return `the proof is for ${proof.treeSize} leaves, its tree head for ${treeHead.treeSize}`;
  if (step.keys && !signedByOneOf(treeHead, scope, step.keys))
    return `the receipt's tree head is not signed by a key of ${step.keys}`;
  const leaf = canonicalJson({
    commitment: '',
    releaseId: receipt.entry.releaseId,
    type: 'subject',
  });
  const got = await read(proof.leafIndex, 1);
  const served = (got.body as { leaves?: unknown[] })?.leaves?.[0];
  let included = false;
  let opens: string | undefined;
  try {
    const hash = receiptLeafHash(receipt);
    opens = typeof served === 'string' ? served : undefined;
    // The served leaf is the commitment leaf the salt and entry open to, hashed as the spec says.
    if (opens !== undefined && !leafHashOfText(opens).equals(hash)) opens = undefined;
    included = verifyInclusion(
      hash,
      proof.leafIndex,
      treeHead.treeSize,
      proof.path.map(hex),
      hex(treeHead.rootHash),
    );
  } catch (error) {
    return `the receipt is malformed: ${(error as Error).message}`;
  }
  if (opens === undefined)
    return `the leaf served at ${proof.leafIndex} is not the commitment (${leaf.replace('""', 'SHA-256(salt || entry)')}) the receipt's salt and entry open to`;
  if (!included)
    return `the inclusion proof does not lead from the commitment leaf at ${proof.leafIndex} to the root of a ${treeHead.treeSize}-leaf tree`;
  return undefined;
}
