import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarios, main, suiteRoot } from '../src/index.js';
import { type ReferenceFleet, STORE_KINDS, startReferenceFleet } from './reference-servers.js';

const dir = mkdtempSync(join(tmpdir(), 'rp-conformance-cli-'));
const ROLES = ['producer', 'receiver', 'relay', 'distributor'] as const;
let fleet: ReferenceFleet;
let servers: ReferenceFleet['servers'];

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), env: {} });
  return { code, out, err };
}

beforeAll(async () => {
  fleet = await startReferenceFleet(ROLES, { onwardShares: true });
  servers = fleet.servers;
}, 120_000);
afterAll(() => fleet.close());

describe.each(STORE_KINDS.flatMap((kind) => ROLES.map((role) => [role, kind] as const)))(
  'run --profile %s against the reference server on %s',
  (role, kind) => {
    it('passes every scenario, with JUnit and JSON reports', async () => {
      const s = servers[kind][role]!;
      const junit = join(dir, `${role}-${kind}.xml`);
      const json = join(dir, `${role}-${kind}.json`);
      const intake = s.intake ? ['--intake-url', s.intake.url, '--intake-token', s.intake.token] : [];
      // These servers do not sign: the signature cases are skipped (signature-scenarios.test.ts runs them).
      const signing: string[] = [];
      // The relays start with onward-share decisions in the school's log (reference-servers.ts).
      const seeded = role === 'relay' ? ['--onward-shares'] : [];
      // The distributor serves its register as CSV and HTML, and its issuer gives a family token
      // (decision 0044): its register-document and family cases run rather than skip.
      const claimed = s.family
        ? [
            '--register-formats',
            'csv,html',
            '--family-token',
            s.family.token,
            '--family-pupil',
            s.family.pupil,
          ]
        : [];
      const { code, out } = await cli([
        'run',
        '--profile',
        role,
        '--base-url',
        s.url,
        '--token',
        s.token,
        '--other-school-token',
        s.otherSchoolToken,
        '--junit',
        junit,
        '--json',
        json,
        ...intake,
        ...signing,
        ...seeded,
        ...claimed,
      ]);
      const report = JSON.parse(readFileSync(json, 'utf8'));
      const notPassed = (r: { status: string }) => r.status !== 'pass' && r.status !== 'skipped';
      expect(report.results.filter(notPassed)).toEqual([]);
      const optional = /^distributor-(register-(csv|html)|family-)/;
      expect(
        report.results.filter(
          (r: { id: string; status: string }) => optional.test(r.id) && r.status !== 'pass',
        ),
      ).toEqual([]);
      expect(code, out).toBe(0);
      expect(out).toContain('RESULT: conformant');
      expect(report.counts.total).toBeGreaterThanOrEqual(12);
      const xml = readFileSync(junit, 'utf8');
      expect(XMLValidator.validate(xml)).toBe(true);
      const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
      expect(Number(parsed.testsuites['@_tests'])).toBe(report.counts.total);
      expect(Number(parsed.testsuites['@_failures'])).toBe(0);
    });
  },
);

describe('without --other-school-token', () => {
  it('reports the isolation scenarios unsupported, which fails MUST unless skip-listed', async () => {
    const s = servers.sqlite.receiver!;
    const args = ['run', '--profile', 'receiver', '--base-url', s.url, '--token', s.token];
    const bare = await cli(args);
    expect(bare.code).toBe(1);
    expect(bare.out).toContain('receiver-school-isolation/cannot-list');
    const skips = join(dir, 'isolation-skips.json');
    // Every receiver test that needs the other school's token (receiver-school-isolation/*, matrix cases).
    const ids = loadScenarios(suiteRoot(), 'receiver').flatMap((c) =>
      c.requires?.includes('otherSchoolToken') ? c.tests.map((t) => `${c.id}/${t.id}`) : [],
    );
    expect(ids).toContain('receiver-school-isolation/cannot-list');
    writeFileSync(skips, JSON.stringify(Object.fromEntries(ids.map((i) => [i, 'single-school sandbox']))));
    const skipped = await cli([...args, '--skips', skips]);
    expect(skipped.code, skipped.out).toBe(0);
    // The signature and fault cases are skipped too: this receiver was not given --signing-key or
    // --fault-command (optional features).
    const optional = loadScenarios(suiteRoot(), 'receiver')
      .filter((c) =>
        c.requires?.some((r) => ['signingKey', 'requireSignature', 'verifySignatures', 'faults'].includes(r)),
      )
      .reduce((n, c) => n + c.tests.length, 0);
    expect(skipped.out).toContain(`${ids.length + optional} skip-listed`);
  });
});

describe('distributor without --intake-token', () => {
  it('reports the cases that file statements unsupported, naming the option', async () => {
    const s = servers.sqlite.distributor!;
    const run = await cli(['run', '--profile', 'distributor', '--base-url', s.url, '--token', s.token]);
    expect(run.code).toBe(1);
    expect(run.out).toContain('distributor-exemption-scope/uncovered-purpose-still-excludes');
    expect(run.out).toContain('--intake-token');
  });
});

const receiverRun = ['run', '--profile', 'receiver', '--base-url', 'http://127.0.0.1:1', '--token', 't'];
describe('usage', () => {
  it.each([
    [['run'], 2],
    [['walk'], 2],
    [['run', '--profile', 'producer', '--base-url', 'http://127.0.0.1:1'], 2],
    [['run', '--profile', 'nobody', '--base-url', 'http://127.0.0.1:1', '--token', 't'], 2],
    [['--help'], 0],
    // --signature-policy names one of the receiver's policies, over the key --signing-key gives.
    [[...receiverRun, '--signature-policy', 'verify'], 2],
    [[...receiverRun, '--signing-key', 'k.json', '--signature-policy', 'off'], 2],
  ])('%j exits %i', async (args, want) => {
    expect((await cli(args)).code).toBe(want);
  });
});

describe('examples/vendor-ci/run-conformance.sh', () => {
  it('runs the HTTP scenarios and writes JUnit, as a vendor copies it', async () => {
    const { execFile } = await import('node:child_process');
    const s = servers.sqlite.producer!;
    const reports = join(dir, 'script-reports');
    const script = join(import.meta.dirname, '../../../examples/vendor-ci/run-conformance.sh');
    const code = await new Promise<number>((resolve) => {
      execFile(
        'sh',
        [script],
        {
          cwd: join(import.meta.dirname, '..'),
          env: {
            ...process.env,
            PROFILE: 'producer',
            BASE_URL: s.url,
            REUSE_PREF_TOKEN: s.token,
            REUSE_PREF_OTHER_SCHOOL_TOKEN: s.otherSchoolToken,
            REPORTS: reports,
            REUSE_PREF_CONFORMANCE: 'node --conditions=source --import tsx src/bin.ts',
          },
        },
        (error) => resolve(error ? Number((error as { code?: number }).code ?? 1) : 0),
      );
    });
    expect(code).toBe(0);
    expect(XMLValidator.validate(readFileSync(join(reports, 'http.xml'), 'utf8'))).toBe(true);
  }, 120_000);
});
