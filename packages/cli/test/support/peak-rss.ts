import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binPath, repoRoot } from './bin.js';

// Loaded into the bin's process with --require: on exit it prints the process's peak resident set, so a
// memory test needs nothing outside Node (no /usr/bin/time) and cannot skip itself on a bare machine.
const PRELOAD = `process.on('exit', () => {
  process.stderr.write('\\npeak-rss-kb=' + process.resourceUsage().maxRSS + '\\n');
});
`;
let preloadPath: string | undefined;

export interface MeasuredRun extends SpawnSyncReturns<string> {
  /** The bin's peak resident set size, MB. */
  peakMb: number;
}

export function runBinMeasured(args: readonly string[]): MeasuredRun {
  preloadPath ??= join(mkdtempSync(join(tmpdir(), 'reuse-pref-rss-preload-')), 'peak-rss.cjs');
  writeFileSync(preloadPath, PRELOAD);
  const run = spawnSync(process.execPath, ['--require', preloadPath, binPath, ...args], {
    cwd: repoRoot,
    env: { ...process.env, CI: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const kb = Number(/\npeak-rss-kb=(\d+)\n$/.exec(run.stderr)?.[1]);
  if (!(kb > 0)) throw new Error(`the bin did not report its peak RSS; stderr: ${run.stderr.slice(-500)}`);
  return { ...run, stderr: run.stderr.replace(/\npeak-rss-kb=\d+\n$/, ''), peakMb: kb / 1024 };
}
