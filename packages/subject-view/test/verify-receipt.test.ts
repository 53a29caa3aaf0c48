import { createHash, generateKeyPairSync } from 'node:crypto';
import {
  generateLogKeyPair,
  LocalReleaseArchive,
  MemoryLedgerStore,
  recordRelease,
  receiptLeafHash as releaseLeafHash,
  treeHeadBytes as releaseTreeHeadBytes,
  verifyReceipt as releaseVerify,
  subjectKey,
  subjectLedger,
  TransparencyLog,
} from '@reuse-pref/release';
import type { DistributionRequest, SubjectReceipt } from '@reuse-pref/schema';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  importLogKey,
  LogKeyError,
  logKeyFingerprint,
  receiptLeafHash,
  treeHeadBytes,
  verifyReceipt,
} from '../src/index.js';

const keys = generateLogKeyPair();
const other = generateLogKeyPair();
let key: CryptoKey;
const receipts: SubjectReceipt[] = [];

const request = (n: number): DistributionRequest => ({
  dsReference: `DR2611${String(n).padStart(2, '0')}.01`,
  recipient: { name: `Recipient ${n}`, class: n % 2 ? 'ACAD' : 'HOFF' },
  purposes: n % 2 ? ['RSCH', 'LINK'] : ['IMMI'],
  lawfulBasis: 'PUBT',
  dataTiers: [{ identifiability: '2', sensitivity: 'C' }],
  deliveryMode: n % 2 ? 'TRE' : 'EXTR',
  retainUntil: '2028-03-31',
  cohort: { description: 'Test cohort' },
  ...(n % 2 ? {} : { exemption: { code: 'S2P4' as const, citation: 'DPA 2018 Sch 2 Part 1 para 4' } }),
  decisionMaker: 'Data Sharing Approval Panel',
  reasons: 'Test',
  requestedAt: '2026-10-01T09:00:00Z',
});

// Releases of 1, 2, 3, 5 and 8 pupils: trees whose sizes make every shape of inclusion path.
beforeAll(async () => {
  key = await importLogKey(keys.publicKey);
  const log = TransparencyLog.inMemory();
  const ledger = new MemoryLedgerStore();
  const pupils = ['B801200005001', 'A801200005002', 'H801200005003', 'J801200005004', 'D801200005005'];
  const sizes = [1, 2, 3, 5, 8];
  for (const [n, size] of sizes.entries()) {
    const cohort = Array.from({ length: size }, (_, i) => ({
      subject: { upn: pupils[i % pupils.length]!, localId: `L${n}-${i}` },
      statements: [],
    }));
    await recordRelease(request(n), cohort, {
      archive: new LocalReleaseArchive(log, ledger),
      decidedAt: `2026-11-0${n + 1}T10:00:00Z`,
    });
  }
  const head = log.signTreeHead(keys.privateKey, Date.parse('2026-11-10T12:00:00Z'));
  for (const upn of pupils) {
    for (let n = 0; n < sizes.length; n++) {
      for (const r of await subjectLedger(ledger, log, subjectKey({ upn, localId: `L${n}-0` }), head))
        receipts.push(r);
    }
  }
  expect(receipts.length).toBeGreaterThan(4);
});

describe('the browser verifier agrees with @reuse-pref/release', () => {
  it('verifies every genuine receipt, as the release package does', async () => {
    for (const receipt of receipts) {
      expect(releaseVerify(receipt, keys.publicKey).ok).toBe(true);
      expect(await verifyReceipt(receipt, key)).toEqual({ ok: true, problems: [] });
    }
  });

  it('signs the same bytes and opens each receipt to the same leaf', async () => {
    for (const receipt of receipts) {
      expect(Buffer.from(treeHeadBytes(receipt.treeHead))).toEqual(releaseTreeHeadBytes(receipt.treeHead));
      expect(Buffer.from(await receiptLeafHash(crypto.subtle, receipt))).toEqual(releaseLeafHash(receipt));
    }
  });

  const flip = (hex: string) => (hex[0] === '0' ? '1' : '0') + hex.slice(1);
  const tampers: [string, (r: SubjectReceipt) => SubjectReceipt, string][] = [
    [
      'outcome changed',
      (r) => ({ ...r, entry: { ...r.entry, outcome: r.entry.outcome === 'EXCL' ? 'INCL' : 'EXCL' } }),
      'inclusion',
    ],
    [
      'recipient renamed',
      (r) => ({ ...r, entry: { ...r.entry, recipient: { ...r.entry.recipient, name: 'Someone else' } } }),
      'inclusion',
    ],
    ['retention extended', (r) => ({ ...r, entry: { ...r.entry, retainUntil: '2099-12-31' } }), 'inclusion'],
    [
      'exemption removed',
      (r) => {
        const { exemption: _e, ...entry } = r.entry;
        return {
          ...r,
          entry: { ...entry, decidedAt: r.entry.exemption ? r.entry.decidedAt : '2026-01-01T00:00:00Z' },
        };
      },
      'inclusion',
    ],
    [
      'a purpose flipped',
      (r) => ({
        ...r,
        entry: {
          ...r.entry,
          purposes: r.entry.purposes.map((p, i) => (i === 0 ? { ...p, shared: !p.shared } : p)),
        },
      }),
      'inclusion',
    ],
    ['salt changed', (r) => ({ ...r, salt: flip(r.salt) }), 'inclusion'],
    [
      'leaf index moved',
      (r) => ({ ...r, proof: { ...r.proof, leafIndex: r.proof.leafIndex + 1 } }),
      'inclusion',
    ],
    [
      'path step changed',
      (r) => ({ ...r, proof: { ...r.proof, path: r.proof.path.map((p, i) => (i === 0 ? flip(p) : p)) } }),
      'inclusion',
    ],
    [
      'path step added',
      (r) => ({ ...r, proof: { ...r.proof, path: [...r.proof.path, r.treeHead.rootHash] } }),
      'inclusion',
    ],
    [
      'root replaced',
      (r) => ({ ...r, treeHead: { ...r.treeHead, rootHash: flip(r.treeHead.rootHash) } }),
      'signature',
    ],
    [
      'timestamp moved',
      (r) => ({ ...r, treeHead: { ...r.treeHead, timestamp: r.treeHead.timestamp + 1 } }),
      'signature',
    ],
    [
      'signature changed',
      (r) => ({ ...r, treeHead: { ...r.treeHead, signature: `A${r.treeHead.signature.slice(1)}` } }),
      'signature',
    ],
    [
      'proof for another size',
      (r) => ({ ...r, proof: { ...r.proof, treeSize: r.proof.treeSize - 1 } }),
      'tree-size',
    ],
    ['salt not hex', (r) => ({ ...r, salt: 'zz' }), 'malformed'],
    ['proof missing', (r) => ({ ...r, proof: undefined as never }), 'malformed'],
  ];

  it.each(tampers)(
    'a receipt with its %s is not verified, by either verifier',
    async (_name, tamper, problem) => {
      for (const receipt of receipts) {
        const bad = tamper(structuredClone(receipt));
        if (JSON.stringify(bad) === JSON.stringify(receipt)) continue;
        const check = await verifyReceipt(bad, key);
        expect(check.ok).toBe(false);
        expect(check.problems).toContain(problem);
        expect(releaseVerify(bad, keys.publicKey).ok).toBe(false);
      }
    },
  );

  it('reads a receipt signed with another key as not verified', async () => {
    const otherKey = await importLogKey(other.publicKey);
    expect(await verifyReceipt(receipts[0]!, otherKey)).toEqual({ ok: false, problems: ['signature'] });
  });

  it('gives the same verdict as the release package for any change to any field', async () => {
    const paths = (value: unknown, prefix: string[] = []): string[][] =>
      value !== null && typeof value === 'object'
        ? Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))
        : [prefix];
    await fc.assert(
      fc.asyncProperty(
        fc.nat(receipts.length - 1),
        fc.nat(),
        fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
        async (which, pick, replacement) => {
          const receipt = structuredClone(receipts[which]!);
          const all = paths(receipt);
          const path = all[pick % all.length]!;
          let at = receipt as unknown as Record<string, unknown>;
          for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
          at[path.at(-1)!] = replacement;
          const ours = await verifyReceipt(receipt, key);
          let theirs = false;
          try {
            theirs = releaseVerify(receipt, keys.publicKey).ok;
          } catch {
            theirs = false;
          }
          expect(ours.ok).toBe(theirs);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('flags an entry shown on the page that differs from the one the receipt proves', async () => {
    const receipt = receipts[0]!;
    const shown = { ...receipt.entry, retainUntil: '2099-12-31' };
    expect(await verifyReceipt(receipt, key, { shown })).toEqual({ ok: false, problems: ['entry-differs'] });
    expect(await verifyReceipt(receipt, key, { shown: structuredClone(receipt.entry) })).toEqual({
      ok: true,
      problems: [],
    });
  });
});

describe('the log key', () => {
  it('is the SPKI in the PEM; its fingerprint is the SHA-256 of that DER', async () => {
    const der = Buffer.from(keys.publicKey.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64');
    const hex = createHash('sha256').update(der).digest('hex');
    expect((await logKeyFingerprint(keys.publicKey)).replaceAll(' ', '')).toBe(hex);
  });

  it.each([
    ['not base64', 'not a key!'],
    [
      'an EC P-256 key',
      generateKeyPairSync('ec', { namedCurve: 'P-256' })
        .publicKey.export({ type: 'spki', format: 'pem' })
        .toString(),
    ],
    ['empty', ''],
  ])('refuses %s with a LogKeyError', async (_name, text) => {
    await expect(importLogKey(text)).rejects.toBeInstanceOf(LogKeyError);
  });
});
