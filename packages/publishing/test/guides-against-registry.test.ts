/**
 * The packages as a stranger gets them. This test
 *   1. builds every package and publishes it with `changeset publish` into a Verdaccio it starts on
 *      loopback (packages/publishing/src/local-registry.ts: only our scope lives there, everything else is
 *      proxied from the machine's registry);
 *   2. for every guide (docs/guides/*.md, examples/vendor-ci/README.md), runs the guide's marked commands
 *      in order, in one bash shell, in a scratch project in the system temp folder (never inside this
 *      repository), with plain npm and npx pointed at that registry and nothing else set up. The scratch
 *      project holds a copy of examples/vendor-ci, as the CI guide tells a vendor to copy it.
 *   3. installs single packages to check what a user downloads (the store without a driver).
 *
 * Adding a guide: mark each block a reader should run with an HTML comment on the line before it, and
 * this test runs it (see src/guide-steps.ts):
 *
 *   <!-- guide-test -->
 *   ```sh
 *   npx --yes @reuse-pref/cli@^0.1.0 demo
 *   ```
 *
 *   <!-- guide-test: wait for http://127.0.0.1:8080/health -->
 *   ```sh
 *   npx --yes @reuse-pref/cli@^0.1.0 serve --role receiver --dev-auth --port 8080 &
 *   ```
 *
 * A guide's blocks share one shell (exports carry on), its background servers are stopped when it ends,
 * and a command that exits non-zero fails the test naming the block. Guides run one after another, so
 * they may use the same ports. The npm cache is shared by every install in the run, so the native
 * SQLite driver compiles once.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guideScript, guideSteps, type LocalRegistry, startLocalRegistry } from '../src/index.js';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const GUIDE_FOLDERS = ['docs/guides', 'examples/vendor-ci'];
const work = mkdtempSync(join(tmpdir(), 'rp-guides-'));
const npmCache = join(work, 'npm-cache');
let registry: LocalRegistry;

/** What a fresh shell has: no pnpm npm_config_* settings, none of our own variables. */
function strangerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|REUSE_PREF_|DATABASE_URL$|INIT_CWD$|VITEST|NODE_OPTIONS$)/i.test(key)) continue;
    env[key] = value;
  }
  return {
    ...env,
    npm_config_registry: registry.url,
    npm_config_cache: npmCache,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    ...extra,
  };
}

function publicPackages(): { name: string; version: string; dir: string }[] {
  return readdirSync(join(repoRoot, 'packages'))
    .map((dir) => ({
      dir,
      manifest: JSON.parse(readFileSync(join(repoRoot, 'packages', dir, 'package.json'), 'utf8')),
    }))
    .filter(({ manifest }) => !manifest.private)
    .map(({ dir, manifest }) => ({ name: manifest.name, version: manifest.version, dir }));
}

function guides(): { file: string; markdown: string }[] {
  return GUIDE_FOLDERS.flatMap((folder) =>
    readdirSync(join(repoRoot, folder))
      .filter((f) => f.endsWith('.md'))
      .map((f) => ({ file: `${folder}/${f}`, markdown: readFileSync(join(repoRoot, folder, f), 'utf8') })),
  );
}

/** Runs a script in a new process group, so every server it started with `&` is stopped with it. */
function runScript(
  script: string,
  cwd: string,
  timeoutMs: number,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', script], {
      cwd,
      env: strangerEnv(),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const stopGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {}
    };
    const timer = setTimeout(() => {
      output += `\nguide-test: timed out after ${timeoutMs / 1000} s`;
      stopGroup();
    }, timeoutMs);
    // 'exit', not 'close': a server the guide left running in the background still holds the pipes.
    child.on('exit', (code) => {
      clearTimeout(timer);
      stopGroup();
      // Give stopped servers a moment to let go of their ports (and the pipes to drain) before the next guide.
      setTimeout(() => resolve({ code, output }), 1000);
    });
  });
}

beforeAll(async () => {
  execFileSync(process.execPath, [join(repoRoot, 'scripts/build.mjs')], { stdio: 'pipe' });
  registry = await startLocalRegistry(join(work, 'registry'));
  // changeset publish runs `pnpm publish` per package: workspace ranges become real ones, and only
  // versions the registry does not have yet are published. No git tags: this is a rehearsal.
  // Run directly, not through `pnpm exec`, whose npm_config_* settings make npm warn about each of them.
  const changeset = join(repoRoot, 'node_modules', '@changesets', 'cli', 'bin.js');
  execFileSync(process.execPath, [changeset, 'publish', '--no-git-tag'], {
    cwd: repoRoot,
    env: { ...strangerEnv(), npm_config_userconfig: registry.publishConfig },
    stdio: 'pipe',
  });
}, 600_000);

afterAll(async () => {
  await registry?.stop();
  rmSync(work, { recursive: true, force: true });
}, 120_000);

describe('changeset publish into a local registry', () => {
  it.each(publicPackages())(
    '$name@$version is there, with its LICENSE and CHANGELOG',
    async ({ name, version }) => {
      // Verdaccio sometimes drops the first connection after a burst of publishes: ask again.
      let response: Response | undefined;
      for (let attempt = 1; !response; attempt++) {
        response = await fetch(`${registry.url}${name.replace('/', '%2f')}`).catch((error) => {
          if (attempt >= 5) throw error;
          return undefined;
        });
      }
      const document = (await response.json()) as {
        versions: Record<string, { license: string; dist: { tarball: string } }>;
      };
      expect(Object.keys(document.versions)).toContain(version);
      expect(document.versions[version]!.license).toBe('Apache-2.0');
    },
  );
});

describe('every guide, run from a scratch project with plain npm and npx', () => {
  const all = guides().map((guide) => ({ ...guide, steps: guideSteps(guide.markdown, guide.file) }));

  it('the guides have commands to run (a marker that stopped matching would silently run nothing)', () => {
    const marked = all.filter((g) => g.steps.length > 0).map((g) => g.file);
    expect(marked).toEqual(
      expect.arrayContaining([
        'docs/guides/conformance-in-ci.md',
        'docs/guides/reference-apps.md',
        'docs/guides/dfe-intake.md',
        'docs/guides/dfe-release.md',
        'docs/guides/subject-view.md',
      ]),
    );
  });

  it.each(all.filter((g) => g.steps.length > 0).map((g) => [g.file, g] as const))(
    '%s',
    async (_file, guide) => {
      const scratch = join(work, `scratch-${guide.file.replace(/[^a-z0-9]+/gi, '-')}`);
      mkdirSync(scratch, { recursive: true });
      expect(relative(repoRoot, scratch).startsWith('..')).toBe(true);
      cpSync(join(repoRoot, 'examples/vendor-ci'), scratch, { recursive: true });
      // The first npx of the CLI compiles better-sqlite3 from source (no prebuilt binary is reachable):
      // about a minute on two quiet cores, many on a loaded machine, so servers get 20 minutes to answer.
      const { code, output } = await runScript(guideScript(guide.steps, 1200), scratch, 1_800_000);
      const failedAt = [...output.matchAll(/guide-test: step (\S+)/g)].at(-1)?.[1];
      expect(code, `failed in ${failedAt}:\n${output.split('\n').slice(-80).join('\n')}`).toBe(0);
    },
    1_900_000,
  );
});

describe('what a user downloads', () => {
  const du = (dir: string) => Number(execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split('\t')[0]);

  it('@reuse-pref/store installs without a database driver and names the one to install', async () => {
    const project = join(work, 'store-only');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'package.json'), '{ "private": true, "type": "module" }\n');
    const store = publicPackages().find((p) => p.name === '@reuse-pref/store')!;
    execFileSync(
      'npm',
      ['install', `@reuse-pref/store@${store.version}`, `@reuse-pref/server@${store.version}`],
      {
        cwd: project,
        env: strangerEnv(),
        stdio: 'pipe',
      },
    );
    expect(existsSync(join(project, 'node_modules/better-sqlite3'))).toBe(false);
    expect(existsSync(join(project, 'node_modules/pg'))).toBe(false);
    const run = (store: string) =>
      execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import { openStore } from '@reuse-pref/server';\nawait openStore(${store}).catch((e) => { console.log(e.name + ': ' + e.message); });`,
        ],
        { cwd: project, encoding: 'utf8' },
      ).trim();
    expect(run("{ kind: 'sqlite', path: 'x.db' }")).toBe(
      'Error: the SQLite store needs the better-sqlite3 package: npm install better-sqlite3',
    );
    expect(run("{ kind: 'postgres', databaseUrl: 'postgres://127.0.0.1:1/x' }")).toBe(
      'Error: the PostgreSQL store needs the pg package: npm install pg',
    );
    console.log(
      `install size: @reuse-pref/store + @reuse-pref/server without drivers ${du(join(project, 'node_modules'))} KB`,
    );
  }, 600_000);
});
