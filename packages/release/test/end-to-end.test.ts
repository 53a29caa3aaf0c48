import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Statement, SubjectReceipt } from '@reuse-pref/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type CohortMember,
  FileLedgerStore,
  generateLogKeyPair,
  LocalReleaseArchive,
  readRegister,
  recipientsToNotify,
  recordRelease,
  registerCsv,
  registerHtml,
  registerJson,
  signTreeHead,
  subjectKey,
  subjectLedger,
  TransparencyLog,
  verifyLogFile,
  verifyReceipt,
} from '../src/index.js';
import { request, statement, upn } from './fixtures.js';

// Ten pupils: 0-2 object to IMMI only, 3-4 object to LINK only, 5 to both, 6 said no objection, 7-9 never asked.
const objections: Record<number, Statement['choices']> = {
  0: [{ purpose: 'IMMI', value: 'OBJT' }],
  1: [{ purpose: 'IMMI', value: 'OBJT' }],
  2: [{ purpose: 'IMMI', value: 'OBJT' }],
  3: [{ purpose: 'LINK', value: 'OBJT' }],
  4: [{ purpose: 'LINK', value: 'OBJT' }],
  5: [
    { purpose: 'IMMI', value: 'OBJT' },
    { purpose: 'LINK', value: 'OBJT' },
  ],
  6: [
    { purpose: 'IMMI', value: 'NOOB' },
    { purpose: 'LINK', value: 'NOOB' },
  ],
};
const pupils = Array.from({ length: 10 }, (_, i) => upn(i));
const cohort = (): CohortMember[] =>
  pupils.map((u, i) => ({
    subject: { upn: u, dateOfBirth: '2015-03-14' },
    statements: objections[i] ? [statement(u, objections[i]!)] : [],
  }));

const dir = mkdtempSync(join(tmpdir(), 'release-e2e-'));
const logPath = join(dir, 'log.jsonl');
const keys = generateLogKeyPair();
let log: TransparencyLog;
let ledger: FileLedgerStore;

beforeAll(async () => {
  log = await TransparencyLog.open(logPath);
  ledger = new FileLedgerStore(join(dir, 'ledger.private.jsonl'));
  const archive = new LocalReleaseArchive(log, ledger);
  await recordRelease(request(), cohort(), { archive, decidedAt: '2026-10-02T10:00:00Z' });
  await recordRelease(
    request({
      dsReference: 'DR230207.01',
      recipient: { name: 'University of Example', class: 'ACAD' },
      purposes: ['RSCH'],
      deliveryMode: 'TRE',
      exemption: undefined,
    }),
    cohort(),
    { archive, decidedAt: '2026-11-01T10:00:00Z' },
  );
});

const receiptsOf = async (i: number) => {
  const head = log.signTreeHead(keys.privateKey, 1_790_000_000_000);
  return { head, receipts: await subjectLedger(ledger, log, subjectKey({ upn: pupils[i]! }), head) };
};

describe('an S2P4 immigration request for IMMI and LINK, resolved from real statements', () => {
  it('includes IMMI objectors under the exemption and excludes LINK objectors', async () => {
    const register = await readRegister(logPath);
    expect(register[0]!.counts).toMatchObject({ total: 10, included: 4, overridden: 3, excluded: 3 });
    expect(register[0]!.counts.decidedByDefault).toBe(3);
  });

  it('names the override, exemption and citation in each IMMI objector’s ledger', async () => {
    for (const i of [0, 1, 2]) {
      const { receipts } = await receiptsOf(i);
      const immigration = receipts.find((r) => r.entry.dsReference === 'DR230101.02')!;
      expect(immigration.entry.outcome).toBe('OVRD');
      expect(immigration.entry.exemption).toEqual({ code: 'S2P4', citation: 'DPA 2018 Sch 2 Part 1 para 4' });
      expect(immigration.entry.purposes.find((p) => p.purpose === 'IMMI')).toMatchObject({
        shared: false,
        default: false,
        overriddenBy: 'S2P4',
      });
      expect(immigration.entry.purposes.find((p) => p.purpose === 'LINK')).toMatchObject({ shared: true });
    }
  });

  it('records a LINK objector as excluded, with no override', async () => {
    const { receipts } = await receiptsOf(5);
    const immigration = receipts.find((r) => r.entry.dsReference === 'DR230101.02')!;
    expect(immigration.entry.outcome).toBe('EXCL');
    expect(immigration.entry.purposes.find((p) => p.purpose === 'LINK')!.overriddenBy).toBeUndefined();
  });
});

describe('subject ledger and receipts', () => {
  it('lists every release for the subject, each with a receipt that verifies offline', async () => {
    const { receipts } = await receiptsOf(0);
    expect(receipts.map((r) => [r.entry.dsReference, r.entry.recipient.name])).toEqual([
      ['DR230101.02', 'Home Office Immigration Enforcement'],
      ['DR230207.01', 'University of Example'],
    ]);
    for (const r of receipts) expect(verifyReceipt(r, keys.publicKey)).toEqual({ ok: true, problems: [] });
  });

  it('yields the earlier recipients to notify of a later objection (Art 19)', async () => {
    const key = subjectKey({ upn: pupils[7]! });
    const notify = await recipientsToNotify(ledger, key, '2026-11-15T00:00:00Z', ['LINK', 'RSCH']);
    expect(notify.map((n) => [n.dsReference, n.purposes])).toEqual([
      ['DR230101.02', ['LINK']],
      ['DR230207.01', ['RSCH']],
    ]);
    expect(await recipientsToNotify(ledger, key, '2026-10-15T00:00:00Z', ['RSCH'])).toEqual([]);
    // Pupil 3 was excluded from the immigration release: nothing was sent, nobody to tell about LINK.
    expect(
      await recipientsToNotify(ledger, subjectKey({ upn: pupils[3]! }), '2026-12-01T00:00:00Z', ['LINK']),
    ).toEqual([]);
  });
});

describe('offline verification of the log', () => {
  const writeFiles = (name: string, lines: string[], head: object, receipt?: SubjectReceipt) => {
    const p = join(dir, `${name}.jsonl`);
    writeFileSync(p, lines.length ? `${lines.join('\n')}\n` : '');
    return {
      logPath: p,
      treeHead: head as never,
      publicKey: keys.publicKey,
      ...(receipt ? { receipt } : {}),
    };
  };
  const lines = () => readFileSync(logPath, 'utf8').trimEnd().split('\n');

  it('accepts the log, the tree head and a receipt as written', async () => {
    const { head, receipts } = await receiptsOf(1);
    expect(
      await verifyLogFile({ logPath, treeHead: head, publicKey: keys.publicKey, receipt: receipts[0]! }),
    ).toEqual({ ok: true, problems: [] });
  });

  it.each<[string, (l: string[]) => string[], RegExp]>([
    [
      'a tampered leaf',
      (l) => l.map((x, i) => (i === 3 ? x.replace(/[0-9a-f]{64}/, 'f'.repeat(64)) : x)),
      /do not hash to the tree head/,
    ],
    ['a truncated log', (l) => l.slice(0, -1), /truncated/],
    ['a removed subject leaf', (l) => l.filter((_, i) => i !== 2), /counts 10 subjects but 9/],
    ['a reordered log', (l) => [l[1]!, l[0]!, ...l.slice(2)], /do not hash to the tree head/],
    [
      'a leaf carrying personal data',
      (l) =>
        l.map((x, i) =>
          i === 0 ? x.replace('"type":"subject"', `"type":"subject","upn":"${pupils[0]}"`) : x,
        ),
      /only a commitment may appear/,
    ],
    ['a blank line', (l) => [l[0]!, '', ...l.slice(1)], /line 2 is empty/],
  ])('rejects %s', async (_, change, why) => {
    const { head } = await receiptsOf(0);
    const result = await verifyLogFile(writeFiles('changed', change(lines()), head));
    expect(result.ok).toBe(false);
    expect(result.problems.join('\n')).toMatch(why);
  });

  it('rejects a tree head signed by another key or with a changed root', async () => {
    const { head } = await receiptsOf(0);
    const forged = signTreeHead(head, generateLogKeyPair().privateKey);
    const invalid = ['tree head signature is not valid'];
    expect((await verifyLogFile({ logPath, treeHead: forged, publicKey: keys.publicKey })).problems).toEqual(
      invalid,
    );
    const moved = { ...head, timestamp: head.timestamp + 1 };
    expect((await verifyLogFile({ logPath, treeHead: moved, publicKey: keys.publicKey })).problems).toEqual(
      invalid,
    );
  });

  it('rejects a receipt with a tampered proof hash, a changed entry or another subject’s proof', async () => {
    const { head, receipts } = await receiptsOf(0);
    const { receipts: other } = await receiptsOf(4);
    const r = receipts[0]!;
    const bad: SubjectReceipt[] = [
      {
        ...r,
        proof: {
          ...r.proof,
          path: r.proof.path.map((h, i) => (i === 0 ? `${h.slice(0, 63)}${h[63] === '0' ? '1' : '0'}` : h)),
        },
      },
      { ...r, entry: { ...r.entry, outcome: 'EXCL' } },
      { ...r, proof: other[0]!.proof },
      { ...r, salt: other[0]!.salt },
    ];
    for (const receipt of bad) {
      expect(verifyReceipt(receipt, keys.publicKey).problems).toEqual([
        `entry is not at leaf ${receipt.proof.leafIndex} of the signed tree`,
      ]);
      expect((await verifyLogFile({ logPath, treeHead: head, publicKey: keys.publicKey, receipt })).ok).toBe(
        false,
      );
    }
  });
});

describe('public register', () => {
  it('lists every release in JSON, CSV and HTML with no subject identifiers anywhere, nor in the log', async () => {
    const register = await readRegister(logPath);
    expect(register.map((e) => e.dsReference)).toEqual(['DR230101.02', 'DR230207.01']);
    const published = [
      registerJson(register),
      registerCsv(register),
      registerHtml(register),
      readFileSync(logPath, 'utf8'),
    ];
    for (const text of published) {
      for (const u of pupils) expect(text).not.toContain(u);
      expect(text).not.toContain('2015-03-14');
    }
    expect(registerCsv(register).split('\r\n')[1]).toContain('S2P4');
    expect(registerHtml(register)).toContain('Home Office Immigration Enforcement');
  });
});
