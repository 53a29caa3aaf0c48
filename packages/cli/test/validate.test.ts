import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, binPath, ensureBuilt, runBin } from './support/bin.js';
import { badUpn, example, good, ndjson, parentOfTwelve, youngPupil } from './support/statements.js';

let dir: string;
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'reuse-pref-cli-'));
}, BUILD_TIMEOUT_MS);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface JsonLine {
  type: 'record' | 'summary';
  [key: string]: unknown;
}

function jsonLines(stdout: string): JsonLine[] {
  return stdout
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
}

describe('reuse-pref validate: input forms', () => {
  const forms: {
    name: string;
    content: () => string;
    want: { line: number; id: string | null; valid: boolean }[];
  }[] = [
    {
      name: 'a single pretty-printed statement',
      content: () => JSON.stringify(good, null, 2),
      want: [{ line: 1, id: good.id, valid: true }],
    },
    {
      name: 'a compact JSON array',
      content: () => JSON.stringify([good, badUpn]),
      want: [
        { line: 1, id: good.id, valid: true },
        { line: 1, id: badUpn.id, valid: false },
      ],
    },
    {
      name: 'a pretty-printed JSON array',
      content: () => `\n${JSON.stringify([good, youngPupil], null, 2)}\n`,
      want: [
        { line: 3, id: good.id, valid: true },
        { line: JSON.stringify(good, null, 2).split('\n').length + 3, id: youngPupil.id, valid: true },
      ],
    },
    {
      name: 'NDJSON with CRLF and a blank line',
      content: () => `${JSON.stringify(good)}\r\n\r\n${JSON.stringify(badUpn)}\r\n`,
      want: [
        { line: 1, id: good.id, valid: true },
        { line: 3, id: badUpn.id, valid: false },
      ],
    },
  ];

  it.each(forms)('reads $name from a file and from stdin alike', ({ content, want }) => {
    const fromFile = runBin(['validate', '--format', 'json', file('input.json', content())]);
    const fromStdin = runBin(['validate', '--format', 'json', '-'], { input: content() });
    for (const run of [fromFile, fromStdin]) {
      expect(run.stderr).toBe('');
      const records = jsonLines(run.stdout).filter((l) => l.type === 'record');
      expect(records.map(({ line, id, valid }) => ({ line, id, valid }))).toEqual(want);
      expect(run.status).toBe(want.every((w) => w.valid) ? 0 : 1);
    }
  });
});

describe('reuse-pref validate: exit status and output', () => {
  it('exits 0 for valid records, queries included, and says which have queries', () => {
    const run = runBin(['validate', '-'], { input: ndjson(good, youngPupil) });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`line 2 id ${youngPupil.id}: accepted with queries`);
    expect(run.stdout).toMatch(/query\s+pupil-under-competence-age\s+\/expressedBy\/role\s+\S/);
    expect(run.stdout).not.toContain('line 1');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      '2 records, 2 valid, 0 with errors, 1 with queries, 0 broken',
    );
  });

  it('exits 1 when a record has errors, naming line, id, severity, rule, pointer and message', () => {
    const run = runBin(['validate', '-'], { input: ndjson(good, badUpn) });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`line 2 id ${badUpn.id}: rejected`);
    expect(run.stdout).toMatch(/error\s+upn-check-letter\s+\/subject\/upn\s+\S/);
  });

  it('reports broken lines by number, keeps going, and exits 1', () => {
    const input = ndjson(good, '{"id": "half a record', good, 'plain text', badUpn, good);
    const run = runBin(['validate', '--format', 'json', '-'], { input });
    expect(run.status).toBe(1);
    const lines = jsonLines(run.stdout);
    const broken = lines.filter((l) => l.broken === true);
    expect(broken.map((l) => l.line)).toEqual([2, 4]);
    for (const b of broken) {
      expect(b).toMatchObject({ valid: false, id: null, queries: [] });
      expect(b.errors).toEqual([
        {
          rule: 'json-syntax',
          severity: 'error',
          pointer: '',
          message: expect.stringMatching(/^invalid JSON/),
        },
      ]);
    }
    expect(lines.at(-1)).toEqual({
      type: 'summary',
      records: 6,
      valid: 3,
      withErrors: 1,
      withQueries: 0,
      broken: 2,
    });
  });

  it('--format json writes one record line per record, clean ones too, then a summary', () => {
    const run = runBin(['validate', '--format', 'json', '-'], { input: ndjson(good, youngPupil, badUpn) });
    const lines = jsonLines(run.stdout);
    expect(lines.map((l) => l.type)).toEqual(['record', 'record', 'record', 'summary']);
    for (const l of lines.slice(0, 3)) {
      expect(Object.keys(l).sort()).toEqual(['broken', 'errors', 'id', 'line', 'queries', 'type', 'valid']);
    }
    expect(lines[0]).toEqual({
      type: 'record',
      line: 1,
      id: good.id,
      valid: true,
      broken: false,
      errors: [],
      queries: [],
    });
    expect(lines[3]).toEqual({
      type: 'summary',
      records: 3,
      valid: 2,
      withErrors: 1,
      withQueries: 1,
      broken: 0,
    });
  });

  it('--quiet prints only the summary, and the exit status still tells', () => {
    const run = runBin(['validate', '--quiet', '-'], { input: ndjson(badUpn, youngPupil) });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('2 records, 1 valid, 1 with errors, 1 with queries, 0 broken\n');
  });

  it('stops quietly with status 141 when the reader of its output goes away, as `| head` does', async () => {
    const path = file('many.ndjson', `${ndjson(badUpn, good)}\n`.repeat(20_000));
    const child = spawn(process.execPath, [binPath, 'validate', path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    await once(child.stdout, 'data');
    child.stdout.destroy();
    const [status] = await once(child, 'close');
    expect(status).toBe(141);
    expect(stderr).toBe('');
  });

  it('treats empty input as zero records', () => {
    const run = runBin(['validate', '-'], { input: '' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('0 records, 0 valid, 0 with errors, 0 with queries, 0 broken\n');
  });
});

describe('reuse-pref validate: rule options', () => {
  const rulesOf = (args: string[], input: string) =>
    jsonLines(runBin(['validate', '--format', 'json', ...args, '-'], { input }).stdout)
      .filter((l) => l.type === 'record')
      .flatMap((l) =>
        [...(l.errors as { rule: string }[]), ...(l.queries as { rule: string }[])].map((f) => f.rule),
      );

  const cases: { name: string; args: string[]; want: string[] }[] = [
    { name: 'no options', args: [], want: [] },
    {
      name: '--now before the statement',
      args: ['--now', '2026-09-01T00:00:00Z'],
      want: ['expressed-at-in-future', 'recorded-at-in-future'],
    },
    {
      name: '--census-date before the statement',
      args: ['--census-date', '2026-09-01'],
      want: ['expressed-after-census-date'],
    },
  ];
  it.each(cases)('$name', ({ args, want }) => {
    expect(rulesOf(args, JSON.stringify(example))).toEqual(want);
  });

  it('--competence-age moves the age at which a parent statement needs a competence basis', () => {
    const input = JSON.stringify(parentOfTwelve);
    expect(rulesOf([], input)).toEqual(['parent-for-competent-pupil']);
    expect(rulesOf(['--competence-age', '16'], input)).toEqual([]);
  });
});

describe('reuse-pref validate: usage errors and unreadable input exit 2', () => {
  const cases: { name: string; args: () => string[]; stderr: RegExp }[] = [
    { name: 'no input', args: () => ['validate'], stderr: /needs a file, or - for stdin/ },
    { name: 'two inputs', args: () => ['validate', 'a', 'b'], stderr: /one input/ },
    { name: 'unknown option', args: () => ['validate', '--colour', '-'], stderr: /--colour/ },
    {
      name: 'bad format',
      args: () => ['validate', '--format', 'xml', '-'],
      stderr: /--format must be human or json/,
    },
    {
      name: 'bad --now',
      args: () => ['validate', '--now', 'tomorrow', '-'],
      stderr: /--now must be an RFC 3339/,
    },
    {
      name: 'bad --census-date',
      args: () => ['validate', '--census-date', '2026-02-30', '-'],
      stderr: /--census-date/,
    },
    {
      name: 'bad --competence-age',
      args: () => ['validate', '--competence-age', '12.5', '-'],
      stderr: /--competence-age/,
    },
    { name: 'unknown command', args: () => ['check'], stderr: /unknown command 'check'/ },
  ];
  it.each(cases)('$name', ({ args, stderr }) => {
    const run = runBin(args(), { input: '' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(stderr);
    expect(run.stderr).toContain("Run 'reuse-pref help' for usage.");
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(2);
  });

  const unreadable: { name: string; path: () => string; stderr: RegExp }[] = [
    {
      name: 'a missing file',
      path: () => join(dir, 'missing.ndjson'),
      stderr: /missing\.ndjson: no such file/,
    },
    { name: 'a directory', path: () => dir, stderr: /it is a directory, not a file/ },
  ];
  it.each(unreadable)('$name', ({ path, stderr }) => {
    const run = runBin(['validate', path()]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(stderr);
  });
});

describe('reuse-pref help', () => {
  it('lists the commands, shows a command usage, and prints the version', () => {
    const list = runBin(['help']);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^ {2}validate /m);
    expect(list.stdout).toMatch(/^ {2}demo /m);
    for (const args of [
      ['help', 'validate'],
      ['validate', '--help'],
    ]) {
      const usage = runBin(args);
      expect(usage.status).toBe(0);
      expect(usage.stdout).toMatch(/^Usage: reuse-pref validate <file\|->/);
    }
    expect(runBin(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
