import { canonicalJson, generateLogKeyPair, MerkleTree, verifyTreeHead } from '@reuse-pref/release';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asDatabaseOwner } from '../../store/test/faults/as-database-owner.js';
import { ReleaseArchive } from '../src/index.js';
import { LogInconsistentError } from '../src/roles/distributor/release-archive.js';
import { StoredLog, SUBTREES } from '../src/roles/distributor/stored-log.js';
import { researchRequest } from './helpers/requests.js';
import { STORE_KINDS, startTestServer, type TestServer } from './helpers/server.js';
import { upn } from './helpers/statements.js';

// The distributor keeps only the log's right edge in memory and reads leaves and stored subtree hashes
// (one row per block of 256 leaves) for proofs. Releases of a few hundred members cross several block
// boundaries, so every proof below mixes stored hashes, hashes of a block's leaves read for the proof
// and the incomplete last block; each is compared with the RFC 9162 tree built from the stored leaves.

const keys = generateLogKeyPair();
const now = new Date('2026-11-30T12:00:00Z');
const request = researchRequest;
// 300, 260 and 1 members: 603 leaves, two complete blocks, the third cut at several sizes on the way.
const RELEASES = [300, 260, 1];

describe.each(STORE_KINDS)('the transparency log kept in the %s store', (kind) => {
  let server: TestServer;
  const sizes: number[] = [];
  let tree: MerkleTree;

  const storedTree = async (): Promise<MerkleTree> => {
    const built = new MerkleTree();
    const rows = await server.store.ledgers.read('release:log', { limit: 10_000 });
    for (const row of rows) built.append(Buffer.from(canonicalJson(row.entry), 'utf8'));
    return built;
  };
  const subtreeRows = async () =>
    (await server.store.ledgers.read(SUBTREES, { limit: 1000 })).map((r) => r.entry as string[]);

  beforeAll(async () => {
    server = await startTestServer('distributor', { store: kind, logSigningKey: keys.privateKey });
    const archive = await ReleaseArchive.open(server.store, keys.privateKey);
    let member = 0;
    for (const [i, members] of RELEASES.entries()) {
      const cohort = Array.from({ length: members }, () => ({ upn: upn(1000 + member++) }));
      const result = await archive.record(request(`DR-LOG-${i}`), cohort, { now, competenceAge: 12 });
      expect(result.outcome).toBe('recorded');
      sizes.push(archive.logSize);
    }
    tree = await storedTree();
  }, 120_000);
  afterAll(() => server?.close());

  it('stores one row of subtree hashes per complete block, each the tree of its leaves', async () => {
    expect(sizes).toEqual([301, 562, 564]);
    expect(tree.size).toBe(564);
    // Block 0 completes one subtree of 256 leaves; block 1 that and the one of 512 (b + 1 = 2).
    expect(await subtreeRows()).toEqual([
      [subtreeOf(tree, 8, 0)],
      [subtreeOf(tree, 8, 1), subtreeOf(tree, 9, 0)],
    ]);
  });

  it('proves every leaf and every pair of sizes as the tree of the stored leaves does', async () => {
    const { log, rootAtSigned, mismatch } = await StoredLog.open(server.store.ledgers, 301);
    expect(mismatch).toBeUndefined();
    expect(log.size).toBe(564);
    expect(log.rootHash()).toBe(tree.rootHash().toString('hex'));
    expect(rootAtSigned).toBe(tree.rootHash(301).toString('hex'));
    const hex = (path: Buffer[]) => path.map((h) => h.toString('hex'));
    // Each proof reads a block of leaves: the edges of every block and subtree, and a stride between.
    const edges = [
      0, 1, 2, 3, 127, 128, 254, 255, 256, 257, 300, 383, 384, 510, 511, 512, 513, 561, 562, 563,
    ];
    for (const treeSize of [1, 255, 256, 257, 301, 511, 512, 562, 564]) {
      const sample = new Set([...edges, ...Array.from({ length: 30 }, (_, i) => (i * 37) % 564)]);
      for (const leaf of [...sample].filter((i) => i < treeSize)) {
        const proof = await log.inclusionProof(leaf, treeSize);
        expect(proof).toEqual({ leafIndex: leaf, treeSize, path: hex(tree.inclusionPath(leaf, treeSize)) });
      }
    }
    for (const [first, second] of [
      [1, 564],
      [255, 257],
      [256, 512],
      [257, 562],
      [300, 301],
      [301, 564],
      [511, 564],
      [562, 564],
    ] as const) {
      expect(await log.consistencyProof(first, second)).toEqual(hex(tree.consistencyPath(first, second)));
    }
    await expect(log.inclusionProof(0, 565)).rejects.toThrow(RangeError);
  });

  it('opened at the edge, holds what reading leaf by leaf holds, at every signed size, from a few rows', async () => {
    // Rows the store hands back, counted: the edge needs a subtree row per set bit of the size and the
    // last block's leaves, where reading leaf by leaf takes every leaf.
    let rows = 0;
    const ledgers = new Proxy(server.store.ledgers, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        if (name !== 'read') return typeof value === 'function' ? value.bind(target) : value;
        return async (...args: Parameters<typeof target.read>) => {
          const read = await target.read(...args);
          rows += read.length;
          return read;
        };
      },
    });
    const reading = async (
      log: StoredLog,
      rootAtSigned: string | undefined,
      mismatch: string | undefined,
    ) => ({
      size: log.size,
      root: log.rootHash(),
      rootAtSigned,
      mismatch,
      proofs: [await log.inclusionProof(300, 564), await log.consistencyProof(257, 562)],
    });
    for (const signedSize of [undefined, 0, 1, 255, 256, 257, 301, 511, 512, 513, 562, 563, 564, 565]) {
      rows = 0;
      const edge = await StoredLog.openAtEdge(ledgers, signedSize);
      const edgeRows = rows;
      rows = 0;
      const all = await StoredLog.open(ledgers, signedSize);
      expect(rows).toBeGreaterThanOrEqual(564);
      // At most the last block's 52 leaves twice (the size and the signed size) and a row per bit set.
      expect(edgeRows).toBeLessThanOrEqual(2 * 256 + 20);
      expect(await reading(edge.log, edge.rootAtSigned, edge.mismatch)).toEqual(
        await reading(all.log, all.rootAtSigned, all.mismatch),
      );
    }
    expect((await StoredLog.openAtEdge(ledgers, 301)).rootAtSigned).toBe(tree.rootHash(301).toString('hex'));
  });

  it('writes the subtree rows a log recorded before they were kept is missing, once', async () => {
    const before = await subtreeRows();
    await asDatabaseOwner(server.database, `DELETE FROM ledger_entries WHERE ledger = '${SUBTREES}'`);
    expect(await subtreeRows()).toEqual([]);
    // Opened at the edge, a log without its subtree rows is read leaf by leaf, and they are written.
    const { log, mismatch } = await StoredLog.openAtEdge(server.store.ledgers, undefined);
    expect(mismatch).toBeUndefined();
    expect(log.rootHash()).toBe(tree.rootHash().toString('hex'));
    expect(await subtreeRows()).toEqual(before);
    await StoredLog.open(server.store.ledgers, undefined);
    expect(await subtreeRows()).toEqual(before);
    expect(await log.consistencyProof(300, 564)).toHaveLength(tree.consistencyPath(300, 564).length);
  });

  it('a subtree hash rewritten in the store raises the log alarm at the next start', async () => {
    const signer = await ReleaseArchive.open(server.store, keys.privateKey);
    const head = await signer.treeHead(now);
    expect(verifyTreeHead(head, keys.publicKey)).toBe(true);
    const heads = { read: async () => head, write: async () => undefined, where: 'the test' };
    await asDatabaseOwner(
      server.database,
      `UPDATE ledger_entries SET entry = replace(entry, '"${(await subtreeRows())[1]![1]!.slice(0, 4)}', '"0000')
         WHERE ledger = '${SUBTREES}' AND idx = 1`,
    );
    const alarms: string[] = [];
    const archive = await ReleaseArchive.open(server.store, keys.privateKey, {
      guard: { heads, alarm: (reason) => alarms.push(reason) },
    });
    expect(alarms).toEqual([
      `The stored subtree hashes of the log (${SUBTREES} entry 1) no longer match leaves 256 to 511: the log was rewritten.`,
    ]);
    await expect(archive.treeHead(now)).rejects.toThrow(LogInconsistentError);
    await expect(archive.consistencyProof(1, 564)).rejects.toThrow(LogInconsistentError);
    // Opened at the edge, that hash (the 512 leaves on the edge of 564) is read instead of the leaves:
    // the root no longer matches the signed head.
    const edgeAlarms: string[] = [];
    const atEdge = await ReleaseArchive.open(server.store, keys.privateKey, {
      guard: { heads, alarm: (reason) => edgeAlarms.push(reason) },
      logCheck: 'edge',
    });
    expect(edgeAlarms).toEqual([
      'The first 564 log leaves in the store no longer hash to the root of the last tree head this server signed (kept in the test): the log was rewritten.',
    ]);
    await expect(atEdge.treeHead(now)).rejects.toThrow(LogInconsistentError);
  });
});

/** MTH of the aligned subtree of 2^k leaves number j, from the tree's own leaf hashes. */
function subtreeOf(tree: MerkleTree, k: number, j: number): string {
  const part = new MerkleTree();
  for (let i = j * 2 ** k; i < (j + 1) * 2 ** k; i++) part.appendLeafHash(tree.leafHashAt(i));
  return part.rootHash().toString('hex');
}
