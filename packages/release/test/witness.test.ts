import type { LedgerEntry, SignedTreeHead } from '@reuse-pref/schema';
import { describe, expect, it } from 'vitest';
import {
  commitmentLeaf,
  generateLogKeyPair,
  MerkleTree,
  observeHead,
  receiptFor,
  signTreeHead,
  TransparencyLog,
  verifyHeadConsistency,
  verifyReceipt,
  verifyReceiptAgainstHead,
} from '../src/index.js';

const keys = generateLogKeyPair();
const otherKeys = generateLogKeyPair();

function treeOf(n: number, rewrite?: number): MerkleTree {
  const tree = new MerkleTree();
  for (let i = 0; i < n; i++) tree.append(Buffer.from(i === rewrite ? `rewritten-${i}` : `leaf-${i}`));
  return tree;
}
const headOf = (tree: MerkleTree, size: number, key = keys.privateKey): SignedTreeHead =>
  signTreeHead(
    { treeSize: size, rootHash: tree.rootHash(size).toString('hex'), timestamp: 1_800_000_000_000 + size },
    key,
  );
const proofOf = (tree: MerkleTree, first: number, second: number) =>
  tree.consistencyPath(first, second).map((h) => h.toString('hex'));

describe('verifyHeadConsistency', () => {
  const tree = treeOf(13);

  it('accepts every older head against every newer one of the same log', () => {
    for (let second = 1; second <= 13; second++) {
      for (let first = 1; first <= second; first++) {
        const checked = verifyHeadConsistency(
          headOf(tree, first),
          headOf(tree, second),
          proofOf(tree, first, second),
          keys.publicKey,
        );
        expect(checked, `${first} -> ${second}`).toEqual({ ok: true, problems: [] });
      }
    }
  });

  it('refuses a newer head over a rewritten leaf, whichever leaf under the older head was rewritten', () => {
    for (let rewritten = 0; rewritten < 8; rewritten++) {
      const forked = treeOf(13, rewritten);
      const checked = verifyHeadConsistency(
        headOf(tree, 8),
        headOf(forked, 13),
        proofOf(forked, 8, 13),
        keys.publicKey,
      );
      expect(checked.ok, `leaf ${rewritten}`).toBe(false);
      expect(checked.problems[0]).toContain('does not extend the head of 8');
    }
  });

  it('names a fork (same size, another root), a log that shrank, a bad signature and a broken proof', () => {
    const forked = treeOf(13, 3);
    expect(verifyHeadConsistency(headOf(tree, 13), headOf(forked, 13), [], keys.publicKey).problems).toEqual([
      'two heads of 13 leaves with different roots: the log was rewritten (a fork)',
    ]);
    expect(verifyHeadConsistency(headOf(tree, 13), headOf(tree, 9), [], keys.publicKey).problems).toEqual([
      'the log shrank: a head of 9 leaves after one of 13',
    ]);
    expect(
      verifyHeadConsistency(
        headOf(tree, 5),
        headOf(tree, 9, otherKeys.privateKey),
        proofOf(tree, 5, 9),
        keys.publicKey,
      ).problems,
    ).toEqual(['the newer tree head signature is not valid']);
    const broken = proofOf(tree, 5, 9);
    broken[0] = 'zz';
    expect(verifyHeadConsistency(headOf(tree, 5), headOf(tree, 9), broken, keys.publicKey).ok).toBe(false);
    expect(verifyHeadConsistency(headOf(tree, 5), headOf(tree, 9), [], keys.publicKey).ok).toBe(false);
  });
});

describe('observeHead (one poll of a witness)', () => {
  const tree = treeOf(20);
  const proofs = (source: MerkleTree) => async (first: number, second: number) =>
    proofOf(source, first, second);

  it('accepts the first head, then unchanged and grown heads', async () => {
    expect((await observeHead(undefined, headOf(tree, 4), keys.publicKey, proofs(tree))).status).toBe(
      'first',
    );
    expect((await observeHead(headOf(tree, 4), headOf(tree, 4), keys.publicKey, proofs(tree))).status).toBe(
      'unchanged',
    );
    expect((await observeHead(headOf(tree, 4), headOf(tree, 20), keys.publicKey, proofs(tree))).status).toBe(
      'grew',
    );
  });

  it('reports a rewritten log, a shrunk log and a head the key did not sign', async () => {
    const forked = treeOf(20, 2);
    expect(
      await observeHead(headOf(tree, 4), headOf(forked, 20), keys.publicKey, proofs(forked)),
    ).toMatchObject({
      status: 'inconsistent',
    });
    expect(
      await observeHead(headOf(tree, 4), headOf(forked, 4), keys.publicKey, proofs(forked)),
    ).toMatchObject({
      status: 'inconsistent',
    });
    expect(await observeHead(headOf(tree, 10), headOf(tree, 4), keys.publicKey, proofs(tree))).toMatchObject({
      status: 'inconsistent',
    });
    expect(
      await observeHead(
        headOf(tree, 4),
        headOf(tree, 20, otherKeys.privateKey),
        keys.publicKey,
        proofs(tree),
      ),
    ).toMatchObject({ status: 'bad-signature' });
  });
});

describe('verifyReceiptAgainstHead', () => {
  const entry = (outcome: 'INCL' | 'EXCL') =>
    ({
      releaseId: '7d9f1e2a-4b3c-4d5e-8f6a-1b2c3d4e5f60',
      dsReference: 'DR261101.01',
      decidedAt: '2026-11-01T09:00:00Z',
      subject: { upn: 'B801200005001' },
      outcome,
      recipient: { name: 'Home Office', class: 'HOFF' },
      lawfulBasis: 'PUBT',
      deliveryMode: 'EXTR',
      retainUntil: '2027-12-31',
      purposes: [],
    }) as unknown as LedgerEntry;
  const salt = 'ab'.repeat(32);
  /** A log whose first leaf commits to `first`, then `more` other leaves. */
  function logWith(first: LedgerEntry, more: number): TransparencyLog {
    const log = TransparencyLog.inMemory();
    log.append(commitmentLeaf(first, salt));
    for (let i = 0; i < more; i++)
      log.append(commitmentLeaf({ ...first, releaseId: `00000000-0000-4000-8000-00000000000${i}` }, salt));
    return log;
  }
  const record = { key: 'upn:B801200005001', leafIndex: 0, salt, entry: entry('EXCL') };

  it('accepts an old receipt against a newer head of the same log, with the proof between them', () => {
    const log = logWith(entry('EXCL'), 0);
    const receipt = receiptFor(record, log, log.signTreeHead(keys.privateKey, 1));
    const grown = logWith(entry('EXCL'), 5);
    const newest = grown.signTreeHead(keys.privateKey, 2);
    expect(verifyReceiptAgainstHead(receipt, newest, grown.consistencyProof(1, 6), keys.publicKey)).toEqual({
      ok: true,
      problems: [],
    });
  });

  it('fails it once the leaf was rewritten, though it still verifies against its own head', () => {
    const log = logWith(entry('EXCL'), 0);
    const receipt = receiptFor(record, log, log.signTreeHead(keys.privateKey, 1));
    expect(verifyReceipt(receipt, keys.publicKey).ok).toBe(true);
    const rewritten = logWith(entry('INCL'), 5);
    const newest = rewritten.signTreeHead(keys.privateKey, 2);
    const checked = verifyReceiptAgainstHead(
      receipt,
      newest,
      rewritten.consistencyProof(1, 6),
      keys.publicKey,
    );
    expect(checked.ok).toBe(false);
    expect(checked.problems[0]).toMatch(
      /^against the newest head: the head of 6 leaves does not extend the head of 1/,
    );
  });

  it('fails a malformed receipt before any head is consulted', () => {
    const checked = verifyReceiptAgainstHead({} as never, headOf(treeOf(4), 4), [], keys.publicKey);
    expect(checked.ok).toBe(false);
    expect(checked.problems[0]).toContain('receipt is malformed');
  });
});
