import type { SignedTreeHead } from '@reuse-pref/schema';
import { verifyHeadConsistency } from './consistency.js';
import { type KeyInput, verifyTreeHead } from './tree-head.js';

/** What a witness makes of a head it was just served, given the last one it accepted. */
export type Observation =
  | { status: 'first' | 'unchanged' | 'grew'; head: SignedTreeHead }
  | { status: 'bad-signature' | 'inconsistent'; head: SignedTreeHead; problems: string[] };

/** Fetches the consistency proof between two tree sizes from the log (GET /register/log/consistency). */
export type ProofSource = (first: number, second: number) => Promise<readonly string[]>;

/**
 * One poll of a witness (a monitor in RFC 9162's sense, a witness in Sigsum's): a head is accepted only if
 * the log's key signed it and it is consistent with the last head accepted. Heads are append-only
 * history: once a witness has seen a head, a log that rewrote any leaf under it can never again produce
 * a head the witness accepts, whatever it does to its database. `last` is undefined on the first poll.
 */
export async function observeHead(
  last: SignedTreeHead | undefined,
  head: SignedTreeHead,
  publicKey: KeyInput,
  proof: ProofSource,
): Promise<Observation> {
  if (!verifyTreeHead(head, publicKey)) {
    return { status: 'bad-signature', head, problems: ['the tree head signature is not valid'] };
  }
  if (last === undefined) return { status: 'first', head };
  if (head.treeSize === last.treeSize && head.rootHash === last.rootHash)
    return { status: 'unchanged', head };
  const path = head.treeSize > last.treeSize ? await proof(last.treeSize, head.treeSize) : [];
  const checked = verifyHeadConsistency(last, head, path, publicKey);
  return checked.ok ? { status: 'grew', head } : { status: 'inconsistent', head, problems: checked.problems };
}
