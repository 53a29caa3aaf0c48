import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureBuilt, repoRoot } from '../support/bin.js';
import { runBinMeasured } from '../support/peak-rss.js';

// `validate` on a CTF holding one 150 MB text node ran out of memory (4.3 GB, 95 s, then a V8 abort):
// the XML reader held the whole pupil, however long. The reader now holds at most maxElementLength
// (16 MiB) of one pupil; a longer pupil is one broken record and the rest of the file reads on.

const TEXT_MB = 150;
const LIMIT_MB = 512;
let dir: string;
let path: string;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'reuse-pref-huge-xml-'));
  path = join(dir, 'huge-text-node.xml');
  const vectors = JSON.parse(
    readFileSync(join(repoRoot, 'conformance/vectors/v1/xml/must/reading.json'), 'utf8'),
  );
  const ctf: string = vectors[0].tests[0].xml;
  const pupil = ctf.slice(ctf.indexOf('    <Pupil>'), ctf.indexOf('  </CTFpupilData>'));
  // Three pupils: the middle one's surname is the huge text node.
  const [before, after] = pupil.split('<Surname>Jones</Surname>');
  const fd = openSync(path, 'w');
  writeSync(fd, `${ctf.slice(0, ctf.indexOf('    <Pupil>'))}${pupil}${before}<Surname>`);
  const mb = 'x'.repeat(1 << 20);
  for (let i = 0; i < TEXT_MB; i++) writeSync(fd, mb);
  writeSync(fd, `</Surname>${after}${pupil}${ctf.slice(ctf.indexOf('  </CTFpupilData>'))}`);
  closeSync(fd);
}, BUILD_TIMEOUT_MS);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('regression: validate ran out of memory on a huge XML text node', () => {
  it(`reports the ${TEXT_MB} MB pupil as one broken record, reads the others, and stays under ${LIMIT_MB} MB`, () => {
    const run = runBinMeasured(['validate', '--format', 'json', path]);
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.type, l.valid, l.broken])).toEqual([
      ['record', true, false],
      ['record', false, true],
      ['record', true, false],
      ['summary', 2, 1],
    ]);
    expect(lines[1].errors).toEqual([
      {
        rule: 'xml-carriage',
        severity: 'error',
        pointer: '',
        message: `<Pupil> longer than ${16 * 1024 * 1024} characters (the reader's maxElementLength), so not read (column 5)`,
      },
    ]);
    expect(run.status).toBe(1);
    expect(run.peakMb).toBeLessThan(LIMIT_MB);
  }, 120_000);
});
