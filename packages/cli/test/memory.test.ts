import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureBuilt } from './support/bin.js';
import { runBinMeasured } from './support/peak-rss.js';

const LINES = 1200;
const LINE_BYTES = 100_000;
const FILE_MB = (LINES * LINE_BYTES) / 1e6;
// Node with the validator loaded sits near 70 MB. Reading the file whole would add at least its 120 MB
// (and its string, and its parsed records), so a limit under node + file size tells streaming apart.
const LIMIT_MB = 150;

let dir: string;
let path: string;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'reuse-pref-rss-'));
  path = join(dir, 'large.ndjson');
  // Large records keep the run short while the file is larger than the limit.
  const filler = 'g'.repeat(LINE_BYTES - 80);
  const line = `${JSON.stringify({ id: 'not-a-uuid', choices: [{ purpose: 'STAT', value: 'NOOB', grounds: filler }] })}\n`;
  const fd = openSync(path, 'w');
  for (let i = 0; i < LINES; i++) writeSync(fd, line);
  closeSync(fd);
}, BUILD_TIMEOUT_MS);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reuse-pref validate memory', () => {
  it(`streams a ${FILE_MB} MB file with peak RSS under ${LIMIT_MB} MB`, () => {
    const run = runBinMeasured(['validate', '--quiet', path]);
    expect(run.stdout).toBe(`${LINES} records, 0 valid, ${LINES} with errors, 0 with queries, 0 broken\n`);
    expect(run.status).toBe(1);
    expect(run.peakMb).toBeLessThan(LIMIT_MB);
  }, 60_000);
});
