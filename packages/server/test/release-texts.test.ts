import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { canonicalJson, generateLogKeyPair, TransparencyLog, verifyReceipt } from '@reuse-pref/release';
import type {
  DistributionRequest,
  LedgerEntry,
  LogLeaf,
  PurposeOutcome,
  SignedTreeHead,
} from '@reuse-pref/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReleaseArchive } from '../src/index.js';
import { STORE_KINDS, startTestServer, type TestServer } from './helpers/server.js';
import { answers, uln, upn } from './helpers/statements.js';

// Recording serialises and hashes each subject's entry, commitment and leaf from per-release templates
// and reused buffers (the national-scale path). What it stores must be byte for byte what the
// definitions give for the same values: each log leaf and subject record its canonical JSON (RFC 8785),
// each commitment SHA-256 over salt || canonical entry, the tree the RFC 9162 tree over the stored
// lines; outcomes, decisions and the register the JSON text of their documents, as they always were.
// Both paths are checked: a server's (HTTP, a staged stream) and the CLI's (an exclusive stream).

const fromStore = createRequire(new URL('../../store/package.json', import.meta.url));
const keys = generateLogKeyPair();

// Texts that only escape right when the template and canonical JSON agree on every character.
const withExemption: DistributionRequest = {
  dsReference: 'DR-TEXT/1.a_b',
  recipient: { name: 'Universität "Example" \\ 学校 😀 \u2028', class: 'ACAD' },
  purposes: ['RSCH', 'LINK'],
  lawfulBasis: 'PUBT',
  dataTiers: [{ identifiability: '2', sensitivity: 'B' }],
  deliveryMode: 'TRE',
  retainUntil: '2028-12-31',
  cohort: { description: 'Pupils in the study' },
  exemption: { code: 'PINT', citation: 'UK GDPR Art 21(6) "public interest"' },
  decisionMaker: 'Data Sharing Approval Panel',
  reasons: 'Research into attainment',
  requestedAt: '2026-11-01T09:00:00Z',
};
const { exemption: _none, ...withoutExemption } = { ...withExemption, dsReference: 'DR-TEXT-2' };

// Objecting to research, consenting to linkage, no statement at all; some named by ULN too.
const cohort = Array.from({ length: 24 }, (_, i) => ({
  upn: upn(700 + i),
  ...(i % 4 === 1 ? { uln: uln(i) } : {}),
}));

interface Row {
  ledger: string;
  idx: number;
  entry: string;
}

async function storedRows(server: TestServer): Promise<Row[]> {
  const sql = `SELECT ledger, idx, entry FROM ledger_entries WHERE ledger LIKE 'release:%' ORDER BY ledger, idx`;
  const where = server.database;
  if (where.kind === 'sqlite') {
    const Database = fromStore('better-sqlite3');
    const db = new Database(where.path, { readonly: true });
    try {
      return db.prepare(sql).all() as Row[];
    } finally {
      db.close();
    }
  }
  const pg = fromStore('pg');
  const client = new pg.Client({ connectionString: where.url });
  await client.connect();
  try {
    const { rows } = await client.query(sql);
    return rows.map((r: { ledger: string; idx: string; entry: string }) => ({ ...r, idx: Number(r.idx) }));
  } finally {
    await client.end();
  }
}

describe.each(STORE_KINDS)('the texts of recorded releases on the %s store', (kind) => {
  let server: TestServer;
  let rows: Row[];
  let head: SignedTreeHead;
  let archive: ReleaseArchive;
  const now = new Date('2026-11-30T12:00:00Z');

  beforeAll(async () => {
    server = await startTestServer('distributor', { store: kind, logSigningKey: keys.privateKey });
    for (const [i, member] of cohort.entries()) {
      if (i % 3 === 0)
        await server.store.statements.append(answers(member.upn, [{ purpose: 'RSCH', value: 'OBJT' }]));
      else if (i % 3 === 1)
        await server.store.statements.append(answers(member.upn, [{ purpose: 'LINK', value: 'CONS' }]));
    }
    // As a server records: over HTTP, a stream staged beside the server's other writes.
    const response = await server.call('/releases', {
      method: 'POST',
      scope: 'distributor:write',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'texts-1' },
      body: JSON.stringify({ request: withExemption, cohort }),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    // As the CLI records a national release: an exclusive stream, in batches of keys.
    archive = await ReleaseArchive.open(server.store, keys.privateKey, { exclusive: true });
    const recorded = await archive.record(withoutExemption, () => [cohort.slice(0, 10), cohort.slice(10)], {
      now,
      competenceAge: 12,
    });
    expect(recorded.outcome).toBe('recorded');
    head = await archive.treeHead(now);
    rows = await storedRows(server);
  }, 120_000);
  afterAll(() => server?.close());

  it('stores every log leaf and subject record as its canonical JSON, every other row as its JSON', () => {
    const canonical = (ledger: string) => ledger === 'release:log' || ledger.startsWith('release:subject:');
    const log = rows.filter((r) => r.ledger === 'release:log');
    expect(log).toHaveLength(2 * (cohort.length + 1));
    expect(rows.filter((r) => r.ledger.startsWith('release:subject:'))).toHaveLength(
      2 * cohort.filter((m) => m.uln).length + 2 * cohort.length,
    );
    for (const row of rows) {
      const value = JSON.parse(row.entry);
      expect(row.entry).toBe(canonical(row.ledger) ? canonicalJson(value) : JSON.stringify(value));
    }
  });

  it('stores each outcome as JSON.stringify of the document built the plain way', () => {
    const outcomes = rows.filter((r) => r.ledger.startsWith('release:outcomes:'));
    expect(outcomes).toHaveLength(2 * cohort.length);
    for (const row of outcomes) {
      const { subject, outcome } = JSON.parse(row.entry) as {
        subject: { upn?: string; uln?: string };
        outcome: { releaseId: string; outcome: string; purposes: PurposeOutcome[] };
      };
      // Rebuilt member by member in the order the gate and the archive make them.
      const plain = {
        subject: {
          ...(subject.upn ? { upn: subject.upn } : {}),
          ...(subject.uln ? { uln: subject.uln } : {}),
        },
        outcome: {
          releaseId: outcome.releaseId,
          outcome: outcome.outcome,
          purposes: outcome.purposes.map((p) => ({
            purpose: p.purpose,
            shared: p.shared,
            default: p.default,
            decidedBy: p.decidedBy,
            ...(p.overriddenBy === undefined ? {} : { overriddenBy: p.overriddenBy }),
          })),
        },
      };
      expect(row.entry).toBe(JSON.stringify(plain));
    }
    // Overridden purposes (the exemption's release) and purposes without one were both written.
    expect(outcomes.some((r) => r.entry.includes('"overriddenBy"'))).toBe(true);
    expect(outcomes.some((r) => !r.entry.includes('"overriddenBy"'))).toBe(true);
  });

  it('commits each subject record at its leaf: SHA-256 of salt || canonical entry', () => {
    const leaves = rows.filter((r) => r.ledger === 'release:log').map((r) => JSON.parse(r.entry) as LogLeaf);
    const records = rows.filter((r) => r.ledger.startsWith('release:subject:'));
    for (const row of records) {
      const record = JSON.parse(row.entry) as { entry: LedgerEntry; salt: string; leafIndex: number };
      const commitment = createHash('sha256')
        .update(Buffer.from(record.salt, 'hex'))
        .update(canonicalJson(record.entry), 'utf8')
        .digest('hex');
      expect(leaves[record.leafIndex]).toEqual({
        type: 'subject',
        releaseId: record.entry.releaseId,
        commitment,
      });
    }
    // Both releases' entries, with the exemption where the request had one and without where not.
    const exemptions = new Set(
      records.map((r) => canonicalJson(JSON.parse(r.entry).entry.exemption ?? null)),
    );
    expect(exemptions).toEqual(new Set([canonicalJson(withExemption.exemption), 'null']));
  });

  it('signs the tree of the stored lines, and every receipt verifies', async () => {
    const rebuilt = TransparencyLog.inMemory();
    for (const row of rows.filter((r) => r.ledger === 'release:log')) rebuilt.append(JSON.parse(row.entry));
    expect(head.treeSize).toBe(rebuilt.size);
    expect(head.rootHash).toBe(rebuilt.rootHash());
    const releaseIds = rows
      .filter((r) => r.ledger === 'release:register')
      .map((r) => (JSON.parse(r.entry) as { releaseId: string }).releaseId);
    expect(releaseIds).toHaveLength(2);
    for (const member of cohort) {
      for (const key of [`upn:${member.upn}`, ...(member.uln ? [`uln:${member.uln}`] : [])]) {
        for (const releaseId of releaseIds) {
          const receipt = await archive.receipt(key, releaseId, now);
          expect(receipt && verifyReceipt(receipt, keys.publicKey)).toEqual({ ok: true, problems: [] });
        }
      }
    }
  });
});
