// What a user downloads: publishes every package into a local registry (as the guides test does) and
// installs each one alone into an empty project, printing the size of node_modules. Extra rows show a
// package together with the database drivers it used to require.
//
//   pnpm --filter @reuse-pref/publishing install-sizes
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalRegistry } from '../src/local-registry.js';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const work = mkdtempSync(join(tmpdir(), 'rp-install-sizes-'));
const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
const registry = await startLocalRegistry(join(work, 'registry'));
try {
  execFileSync(process.execPath, [join(repoRoot, 'scripts/build.mjs')]);
  execFileSync(
    process.execPath,
    [join(repoRoot, 'node_modules/@changesets/cli/bin.js'), 'publish', '--no-git-tag'],
    {
      cwd: repoRoot,
      env: { ...clean, npm_config_registry: registry.url, npm_config_userconfig: registry.publishConfig },
      stdio: 'pipe',
    },
  );
  const env = { ...clean, npm_config_registry: registry.url, npm_config_cache: join(work, 'cache') };
  const packages = readdirSync(join(repoRoot, 'packages'))
    .map((dir) => JSON.parse(readFileSync(join(repoRoot, 'packages', dir, 'package.json'), 'utf8')))
    .filter((m) => !m.private)
    .map((m) => `${m.name}@${m.version}`);
  const rows: [string, number][] = [];
  const measure = (label: string, specs: string[]) => {
    const project = join(work, `p${rows.length}`);
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{ "private": true }\n');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', ...specs], {
      cwd: project,
      env,
      stdio: 'pipe',
    });
    const kb = Number(
      execFileSync('du', ['-sk', join(project, 'node_modules')], { encoding: 'utf8' }).split('\t')[0],
    );
    rows.push([label, kb]);
    console.log(`${label.padEnd(60)} ${(kb / 1024).toFixed(1).padStart(7)} MB`);
  };
  for (const spec of packages) measure(spec, [spec]);
  const store = packages.find((s) => s.startsWith('@reuse-pref/store@'))!;
  const server = packages.find((s) => s.startsWith('@reuse-pref/server@'))!;
  measure(`${store} + better-sqlite3 + pg (as it was required)`, [
    store,
    'better-sqlite3@^12.4.1',
    'pg@^8.16.3',
  ]);
  measure(`${store} + better-sqlite3`, [store, 'better-sqlite3@^12.4.1']);
  measure(`${store} + pg`, [store, 'pg@^8.16.3']);
  measure(`${server} + better-sqlite3 + pg (as it was required)`, [
    server,
    'better-sqlite3@^12.4.1',
    'pg@^8.16.3',
  ]);
} finally {
  await registry.stop();
  rmSync(work, { recursive: true, force: true });
}
