import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureBuilt, repoRoot, runBin } from './support/bin.js';

const releaseDir = join(repoRoot, 'packages', 'release');
const newest = (dir: string): number =>
  Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((e) =>
      e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
    ),
  );

// The bin imports @reuse-pref/release from its dist, so that must be current too.
function ensureReleaseBuilt(): void {
  let built = 0;
  try {
    built = statSync(join(releaseDir, 'dist', 'index.js')).mtimeMs;
  } catch {}
  if (built >= newest(join(releaseDir, 'src'))) return;
  execFileSync('flock', ['/tmp/rp-release-build.lock', 'pnpm', '--filter', '@reuse-pref/release', 'build'], {
    cwd: repoRoot,
    stdio: 'pipe',
  });
}

const dir = mkdtempSync(join(tmpdir(), 'release-cli-'));
const at = (name: string) => join(dir, name);
const upns = ['B801200005001', 'A801200000019'];

beforeAll(() => {
  ensureReleaseBuilt();
  ensureBuilt();
  const request = {
    dsReference: 'DR230101.02',
    recipient: { name: 'Home Office', class: 'HOFF' },
    purposes: ['IMMI', 'LINK'],
    lawfulBasis: 'PUBT',
    dataTiers: [{ identifiability: '1', sensitivity: 'C' }],
    deliveryMode: 'EXTR',
    retainUntil: '2027-12-31',
    cohort: { description: 'Named pupils' },
    exemption: { code: 'S2P4', citation: 'DPA 2018 Sch 2 Part 1 para 4' },
    decisionMaker: 'Panel',
    reasons: 'Immigration control',
    requestedAt: '2026-10-01T09:00:00Z',
  };
  writeFileSync(at('r.json'), JSON.stringify(request));
  const example = JSON.parse(readFileSync(join(repoRoot, 'spec/v1/examples/statement.json'), 'utf8'));
  // The example pupil objects to IMMI and LINK; the second pupil was never asked.
  writeFileSync(
    at('c.ndjson'),
    `${JSON.stringify({ subject: example.subject, statements: [example] })}\n${JSON.stringify({ subject: { upn: upns[1] } })}\n`,
  );
}, BUILD_TIMEOUT_MS);

describe('reuse-pref release and log', () => {
  it('evaluates, records, signs, and verifies offline; a tampered log fails with exit 1', () => {
    expect(runBin(['log', 'keygen', '--out', at('key')]).status).toBe(0);
    const evaluated = runBin([
      'release',
      'evaluate',
      '--request',
      at('r.json'),
      '--cohort',
      at('c.ndjson'),
      '--log',
      at('log.jsonl'),
      '--key',
      at('key.pem'),
      '--decision',
      at('decision.json'),
    ]);
    expect(evaluated.stderr).toBe('');
    expect(evaluated.status).toBe(0);
    expect(evaluated.stdout).toMatch(/subjects\s+2/);
    expect(evaluated.stdout).toMatch(/excluded \(EXCL\)\s+1/);
    expect(JSON.parse(readFileSync(at('decision.json'), 'utf8')).counts.decidedByDefault).toBe(1);

    const ledger = runBin([
      'release',
      'ledger',
      '--log',
      at('log.jsonl'),
      '--ledger',
      at('log.jsonl.ledger.jsonl'),
      '--tree-head',
      at('log.jsonl.sth.json'),
      '--upn',
      upns[0]!,
    ]);
    expect(ledger.status).toBe(0);
    writeFileSync(at('receipt.json'), ledger.stdout);
    expect(JSON.parse(ledger.stdout)[0].entry.outcome).toBe('EXCL');

    const verify = (log: string) =>
      runBin([
        'log',
        'verify',
        '--log',
        log,
        '--tree-head',
        at('log.jsonl.sth.json'),
        '--receipt',
        at('receipt.json'),
        '--public-key',
        at('key.pub.pem'),
      ]);
    expect(verify(at('log.jsonl'))).toMatchObject({ status: 0, stdout: expect.stringMatching(/^verified/) });

    const lines = readFileSync(at('log.jsonl'), 'utf8').split('\n');
    writeFileSync(at('tampered.jsonl'), [lines[1], lines[0], ...lines.slice(2)].join('\n'));
    expect(verify(at('tampered.jsonl'))).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/FAILED/),
    });
  });

  it('prints the register as CSV with no pupil identifiers', () => {
    const csv = runBin(['release', 'register', '--log', at('log.jsonl'), '--format', 'csv']);
    expect(csv.status).toBe(0);
    expect(csv.stdout.split('\r\n')[1]).toContain('DR230101.02');
    for (const u of upns) expect(csv.stdout).not.toContain(u);
  });

  it.each([
    [['log', 'verify', '--log', 'x.jsonl']],
    [['release', 'evaluate', '--request', 'r.json']],
    [['release', 'frobnicate']],
    [['log', 'verify', '--receipt', 'missing.json', '--public-key', 'missing.pem']],
  ])('exits 2 on a usage error: %j', (args) => {
    expect(runBin(args, { cwd: dir }).status).toBe(2);
  });

  it('notify lists the recipients of earlier releases to tell about a later objection (Art 19)', () => {
    const log = at('notify.jsonl');
    const recorded = runBin([
      'release',
      'evaluate',
      '--request',
      at('r.json'),
      '--cohort',
      at('c.ndjson'),
      '--log',
      log,
      '--decided-at',
      '2026-10-05T12:00:00Z',
    ]);
    expect(recorded.status).toBe(0);
    const notify = (upn: string, objectionAt: string, purposes: string, ...more: string[]) =>
      runBin([
        'release',
        'notify',
        '--log',
        log,
        '--upn',
        upn,
        '--objection-at',
        objectionAt,
        '--purposes',
        purposes,
        ...more,
      ]);

    // The pupil never asked was included; objecting to LINK later, the Home Office must be told.
    const later = notify(upns[1]!, '2026-11-15T00:00:00Z', 'LINK,RSCH', '--format', 'json');
    expect(later.status).toBe(0);
    expect(JSON.parse(later.stdout)).toEqual({
      subject: { upn: upns[1] },
      objectionAt: '2026-11-15T00:00:00Z',
      purposes: ['LINK', 'RSCH'],
      recipients: [
        {
          recipient: { name: 'Home Office', class: 'HOFF' },
          releaseId: expect.stringMatching(/^[0-9a-f-]{36}$/),
          dsReference: 'DR230101.02',
          decidedAt: '2026-10-05T12:00:00Z',
          retainUntil: '2027-12-31',
          purposes: ['LINK'],
          underExemption: false,
        },
      ],
    });
    expect(notify(upns[1]!, '2026-11-15T00:00:00Z', 'LINK').stdout).toMatch(
      /1 recipient to notify\n {2}Home Office \(HOFF\)\n {6}release DR230101\.02 decided 2026-10-05T12:00:00Z, kept until 2027-12-31\n {6}for LINK\n/,
    );
    // An objection the release already knew of, a purpose it did not cover, a pupil it excluded: nobody.
    expect(notify(upns[1]!, '2026-10-01T00:00:00Z', 'LINK').stdout).toContain('nobody to notify');
    expect(notify(upns[1]!, '2026-11-15T00:00:00Z', 'RSCH').stdout).toContain('nobody to notify');
    expect(notify(upns[0]!, '2026-11-15T00:00:00Z', 'LINK,IMMI').stdout).toContain('nobody to notify');
  });

  it.each([
    {
      args: ['--upn', 'B801200005001', '--objection-at', 'yesterday', '--purposes', 'LINK'],
      want: /--objection-at/,
    },
    {
      args: ['--upn', 'B801200005001', '--objection-at', '2026-11-15T00:00:00Z', '--purposes', 'LNKK'],
      want: /LNKK is not a purpose code/,
    },
    { args: ['--objection-at', '2026-11-15T00:00:00Z', '--purposes', 'LINK'], want: /--upn or --uln/ },
  ])('notify: a usage error exits 2 and names the option ($want)', ({ args, want }) => {
    const run = runBin(['release', 'notify', '--log', at('log.jsonl'), ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(want);
  });

  it('notify: a ledger that is not there is said so, exit 2', () => {
    const run = runBin([
      'release',
      'notify',
      '--log',
      at('missing.jsonl'),
      '--upn',
      upns[0]!,
      '--objection-at',
      '2026-11-15T00:00:00Z',
      '--purposes',
      'LINK',
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cannot read ledger');
  });

  it('exits 2 on an invalid request, naming the field', () => {
    writeFileSync(at('bad.json'), JSON.stringify({ dsReference: 'X' }));
    const run = runBin(['release', 'evaluate', '--request', at('bad.json'), '--cohort', at('c.ndjson')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/not a valid distribution request/);
  });
});
