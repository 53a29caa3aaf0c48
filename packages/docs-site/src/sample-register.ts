/**
 * The register page's sample: a release log made in the docs build with the release package, the way a
 * distributor makes one (the gate over each pupil's statements, recorded in a transparency log on disk,
 * a signed tree head), and the register read back from that log file as `reuse-pref release register`
 * reads it. Pupils, their answers and the requests are invented, from a fixed seed, so the page is the
 * same build after build except for the signature (a new log key each build).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CohortMember,
  FileLedgerStore,
  generateLogKeyPair,
  LocalReleaseArchive,
  readRegister,
  recordRelease,
  TransparencyLog,
} from '@reuse-pref/release';
import type { DistributionRequest, RegisterEntry, SignedTreeHead, Statement } from '@reuse-pref/schema';
import { upnCheckLetter } from '@reuse-pref/validator';

export interface SampleRegister {
  entries: RegisterEntry[];
  treeHead: SignedTreeHead;
  publicKey: string;
  logLines: number;
  pupils: number;
}

const SCHOOLS = [
  { urn: '137245', laEstab: '8014001' },
  { urn: '140112', laEstab: '8014002' },
  { urn: '142978', laEstab: '8012003' },
];

const REQUESTS: (DistributionRequest & { decidedAt: string; cohortEvery: number })[] = [
  {
    dsReference: 'DS-2026-00417',
    recipient: { name: 'University of Exmoor, Centre for Education Research', class: 'ACAD' },
    purposes: ['STAT', 'RSCH'],
    lawfulBasis: 'PUBT',
    dataTiers: [{ identifiability: '2', sensitivity: 'B' }],
    deliveryMode: 'TRE',
    retainUntil: '2029-12-31',
    cohort: { description: 'Pupils on roll at three sample schools at the autumn 2026 census' },
    decisionMaker: 'DfE Data Sharing Approval Panel',
    reasons: 'Attainment gaps after the pandemic; de-identified record-level data seen only in the TRE.',
    requestedAt: '2026-10-20T10:00:00Z',
    decidedAt: '2026-11-02T10:00:00Z',
    cohortEvery: 1,
  },
  {
    dsReference: 'DS-2026-00433',
    recipient: { name: 'Office for National Statistics', class: 'GOVD' },
    purposes: ['STAT', 'LINK'],
    lawfulBasis: 'PUBT',
    dataTiers: [{ identifiability: '2', sensitivity: 'C' }],
    deliveryMode: 'TRE',
    retainUntil: '2031-03-31',
    cohort: { description: 'Pupils born in 2014, for linkage with health records' },
    decisionMaker: 'DfE Data Sharing Approval Panel',
    reasons:
      'Linked education and health outcomes for official statistics, inside the ONS secure environment.',
    requestedAt: '2026-10-28T09:30:00Z',
    decidedAt: '2026-11-09T15:00:00Z',
    cohortEvery: 2,
  },
  {
    dsReference: 'DS-2026-HO-0031',
    recipient: { name: 'Home Office Immigration Enforcement', class: 'HOFF' },
    purposes: ['IMMI'],
    lawfulBasis: 'PUBT',
    dataTiers: [{ identifiability: '1', sensitivity: 'A' }],
    deliveryMode: 'EXTR',
    retainUntil: '2027-10-31',
    cohort: { description: 'Named pupils in a Home Office request under the immigration exemption' },
    exemption: { code: 'S2P4', citation: 'Data Protection Act 2018, Schedule 2, Part 1, paragraph 4' },
    decisionMaker: 'DfE Data Protection Officer',
    reasons: 'Address details for named individuals; the exemption was assessed case by case.',
    requestedAt: '2026-11-12T14:00:00Z',
    decidedAt: '2026-11-16T11:20:00Z',
    cohortEvery: 40,
  },
  {
    dsReference: 'DS-2026-00451',
    recipient: { name: 'Brightpath Learning Analytics Ltd', class: 'COMM' },
    purposes: ['COMM', 'AIDV'],
    lawfulBasis: 'CNST',
    dataTiers: [{ identifiability: '3', sensitivity: 'B' }],
    deliveryMode: 'EXTR',
    retainUntil: '2028-08-31',
    cohort: { description: 'Pupils whose families consented to commercial reuse and model training' },
    decisionMaker: 'DfE Data Sharing Approval Panel',
    reasons: 'Product research; only pupils whose families consented may be included.',
    requestedAt: '2026-11-18T10:00:00Z',
    decidedAt: '2026-11-23T09:45:00Z',
    cohortEvery: 1,
  },
];

/** A small deterministic generator (mulberry32), so the sample is the same every build. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OBJECTION_PURPOSES = ['STAT', 'RSCH', 'LINK', 'IMMI'];
const CONSENT_PURPOSES = ['COMM', 'AIDV'];

function samplePupils(count: number): CohortMember[] {
  const random = seeded(20261130);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const school = SCHOOLS[i % SCHOOLS.length]!;
    const digits = `${school.laEstab}15${String(i).padStart(3, '0')}`;
    const upn = `${upnCheckLetter(`A${digits}`)}${digits}`;
    const year = 2010 + Math.floor(random() * 12);
    const subject = {
      upn,
      dateOfBirth: `${year}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
    };
    // About a fifth were never asked; the rest answered on the admission form or a collection sheet.
    if (random() < 0.2) return { subject, statements: [] };
    const choices = [
      ...OBJECTION_PURPOSES.map((purpose) => ({
        purpose,
        value: random() < 0.15 ? 'OBJT' : pick(['NOOB', 'NOOB', 'REFU']),
      })),
      ...CONSENT_PURPOSES.map((purpose) => ({ purpose, value: random() < 0.1 ? 'CONS' : 'DECL' })),
    ];
    const statement = {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      specVersion: '1.0.0',
      catalogueVersion: '1',
      subject,
      setting: school,
      expressedBy: { role: 'PAR', personRef: `C-${i}` },
      competenceBasis: 'NA',
      expressedAt: '2026-09-07T09:00:00Z',
      recordedAt: '2026-09-08T09:00:00Z',
      recordedBy: { supplierId: 'SUP-SAMPLE', system: 'Sample MIS' },
      channel: 'PAPR',
      notice: { id: 'NOTICE-ADMISSIONS', version: '2026.1', language: 'en' },
      choices,
    } as Statement;
    return { subject, statements: [statement] };
  });
}

export async function sampleRegister(): Promise<SampleRegister> {
  const dir = mkdtempSync(join(tmpdir(), 'rp-docs-register-'));
  try {
    const pupils = samplePupils(600);
    const logPath = join(dir, 'releases.jsonl');
    const log = await TransparencyLog.open(logPath);
    const ledger = new FileLedgerStore(join(dir, 'ledger.jsonl'));
    const archive = new LocalReleaseArchive(log, ledger);
    const keys = generateLogKeyPair();
    let treeHead: SignedTreeHead;
    try {
      for (const [n, { decidedAt, cohortEvery, ...request }] of REQUESTS.entries()) {
        const cohort = pupils.filter((_, i) => i % cohortEvery === 0);
        await recordRelease(request, cohort, {
          archive,
          decidedAt,
          releaseId: `5a3e1c00-0000-4000-8000-00000000000${n + 1}`,
        });
      }
      treeHead = log.signTreeHead(keys.privateKey);
    } finally {
      log.close();
      ledger.close();
    }
    return {
      entries: await readRegister(logPath),
      treeHead,
      publicKey: keys.publicKey,
      logLines: readFileSync(logPath, 'utf8').trim().split('\n').length,
      pupils: pupils.length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
