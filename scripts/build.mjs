// Builds the workspace packages that are out of date, quietly, in parallel.
//
//   node scripts/build.mjs                      every package with a build script, JS and type declarations
//   node scripts/build.mjs --js @reuse-pref/cli  that package and what it loads at run time, JS only
//   node scripts/build.mjs --verbose            also say what was built and why
//
// A package is out of date when the hash of what its build reads differs from the hash recorded after its
// last good build, or when a file its package.json points at is missing. What a build reads is found the
// same way for every package, so a package added later needs no entry here:
//   - its own files (git's view: tracked and untracked, less what .gitignore names; not its test/ folder
//     or its README and CHANGELOG, which no build reads),
//   - the files of every workspace package it depends on, dev dependencies too (type declarations are
//     built from their source through the "source" condition, and the CLI bundles the example apps),
//   - repository folders its tsup config names with a `../../` path (the suite copies spec/ and
//     conformance/ into the conformance package),
//   - the root files every build shares (tsconfig.base.json, the lockfile, this script).
// Packages build side by side: each one's declarations resolve its dependencies' source, not their dist,
// so no package waits for another. Output is kept and printed only for a build that fails.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const stampDir = join(root, 'node_modules', '.cache', 'reuse-pref-build');
const SHARED_INPUTS = ['tsconfig.base.json', 'pnpm-lock.yaml', 'scripts/build.mjs'];
const WORKSPACE_FOLDERS = ['packages', 'examples'];

function parseCommandLine(argv) {
  const options = { jsOnly: false, verbose: false, names: [] };
  for (const arg of argv) {
    if (arg === '--js') options.jsOnly = true;
    else if (arg === '--verbose') options.verbose = true;
    else if (arg.startsWith('-')) {
      console.error(`build: unknown option ${arg} (known: --js, --verbose)`);
      process.exit(2);
    } else options.names.push(arg);
  }
  return options;
}

/** Every workspace package by name: its folder, manifest and the workspace packages it depends on. */
function readWorkspace() {
  const packages = new Map();
  for (const folder of WORKSPACE_FOLDERS) {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const manifestPath = join(root, folder, entry.name, 'package.json');
      if (!entry.isDirectory() || !existsSync(manifestPath)) continue;
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
      packages.set(manifest.name, { name: manifest.name, dir: join(root, folder, entry.name), manifest });
    }
  }
  for (const pkg of packages.values()) {
    const fields = ['dependencies', 'peerDependencies', 'optionalDependencies'];
    const names = (list) =>
      list.flatMap((field) => Object.keys(pkg.manifest[field] ?? {})).filter((n) => packages.has(n));
    pkg.runtimeDeps = names(fields);
    pkg.allDeps = names([...fields, 'devDependencies']);
  }
  return packages;
}

function closure(packages, names, edges) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    const pkg = packages.get(name);
    if (!pkg) {
      console.error(`build: no workspace package named ${name}`);
      process.exit(2);
    }
    seen.add(name);
    for (const dep of pkg[edges]) visit(dep);
  };
  for (const name of names) visit(name);
  return [...seen].map((name) => packages.get(name));
}

/** Files under the given folders as git sees them (tracked or new, not ignored), sorted. */
function listFiles(paths) {
  // Outside a git checkout (an unpacked tarball) nothing can be judged fresh: build everything.
  let out;
  try {
    out = execFileSync(
      'git',
      ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...paths],
      {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
  } catch {
    return undefined;
  }
  // A file deleted from the work tree but still in the index is listed too; it is simply absent.
  // A package's tests and its README/CHANGELOG are not read by its build: editing them rebuilds nothing.
  const notBuilt = /^(packages|examples)\/[^/]+\/(test\/|[^/]+\.md$)/;
  return [...new Set(out.split('\0').filter((file) => file && !notBuilt.test(file)))].sort();
}

const fileHashes = new Map();
function hashFiles(paths) {
  const files = listFiles(paths);
  if (files === undefined) return `unknown-${Date.now()}-${Math.random()}`;
  const hash = createHash('sha256');
  for (const file of files) {
    let digest = fileHashes.get(file);
    if (digest === undefined) {
      const path = join(root, file);
      digest = existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'absent';
      fileHashes.set(file, digest);
    }
    hash.update(`${file}\0${digest}\0`);
  }
  return hash.digest('hex');
}

/** Repository folders a package's tsup config reads with a `../../` path, e.g. the suite's spec copy. */
function configInputs(pkg) {
  const config = readdirSync(pkg.dir).find((f) => /^tsup\.config\.[cm]?[jt]s$/.test(f));
  if (!config) return [];
  const text = readFileSync(join(pkg.dir, config), 'utf8');
  return [...text.matchAll(/['"`](\.\.\/[^'"`]+)['"`]/g)]
    .map((m) => relative(root, resolve(pkg.dir, m[1])))
    .filter((p) => p && !p.startsWith('..') && existsSync(join(root, p)));
}

function inputsHash(packages, pkg) {
  const own = [relative(root, pkg.dir), ...configInputs(pkg)];
  const deps = closure(packages, pkg.allDeps, 'allDeps').map((dep) => relative(root, dep.dir));
  return hashFiles([...new Set([...SHARED_INPUTS, ...own, ...deps])]);
}

/** The files a package's manifest points at: what must exist for it to count as built. */
function declaredOutputs(pkg, jsOnly) {
  const paths = new Set();
  const collect = (value, condition) => {
    if (typeof value === 'string') {
      if (condition === 'source' || !value.startsWith('./') || value.includes('*')) return;
      if (jsOnly && /\.d\.[cm]?ts$/.test(value)) return;
      if (value.endsWith('package.json')) return;
      paths.add(value);
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) collect(inner, key);
    }
  };
  const { main, module, types, bin, exports } = pkg.manifest;
  collect({ main, module, types: jsOnly ? undefined : types, bin, exports });
  return [...paths].map((p) => join(pkg.dir, p));
}

function stampPath(pkg) {
  return join(stampDir, `${pkg.name.replace(/[@/]/g, '_')}.json`);
}

function isFresh(pkg, hash, jsOnly) {
  try {
    const stamp = JSON.parse(readFileSync(stampPath(pkg), 'utf8'));
    if (stamp.inputs !== hash || (!jsOnly && !stamp.declarations)) return false;
  } catch {
    return false;
  }
  return declaredOutputs(pkg, jsOnly).every((p) => existsSync(p));
}

function buildCommand(pkg, jsOnly) {
  const script = pkg.manifest.scripts.build;
  // tsup is run directly (no package-manager start-up per package); `--no-dts` skips the declarations,
  // which is most of a build's time and which only type-checking users and the export check need.
  if (/^tsup(\s|$)/.test(script)) {
    const tsup = join(root, 'node_modules', 'tsup', 'dist', 'cli-default.js');
    const args = script.split(/\s+/).slice(1);
    return [process.execPath, [tsup, ...args, ...(jsOnly ? ['--no-dts'] : [])]];
  }
  return ['pnpm', ['run', '--silent', 'build']];
}

function runBuild(pkg, jsOnly) {
  const [command, args] = buildCommand(pkg, jsOnly);
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: pkg.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => done({ ok: false, output: String(error) }));
    child.on('close', (code) => done({ ok: code === 0, output: Buffer.concat(output).toString() }));
  });
}

/** One build at a time per work tree: parallel test files may each ask for the CLI to be built. */
async function withLock(body) {
  mkdirSync(stampDir, { recursive: true });
  const lock = join(stampDir, 'lock');
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      let holder = 0;
      try {
        holder = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {}
      if (holder && !isAlive(holder)) rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await body();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

async function main() {
  const options = parseCommandLine(process.argv.slice(2));
  const packages = readWorkspace();
  const wanted = options.names.length
    ? closure(packages, options.names, 'runtimeDeps')
    : [...packages.values()].filter((pkg) => pkg.dir.startsWith(join(root, 'packages')));
  const buildable = wanted.filter((pkg) => pkg.manifest.scripts?.build);
  const started = Date.now();

  const failures = await withLock(async () => {
    const stale = [];
    for (const pkg of buildable) {
      const hash = inputsHash(packages, pkg);
      if (!isFresh(pkg, hash, options.jsOnly)) stale.push({ pkg, hash });
    }
    const failed = [];
    const queue = [...stale];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const { pkg, hash } = next;
        rmSync(stampPath(pkg), { force: true });
        const result = await runBuild(pkg, options.jsOnly);
        if (!result.ok) {
          failed.push({ pkg, output: result.output });
          continue;
        }
        const stamp = { inputs: hash, declarations: !options.jsOnly };
        writeFileSync(stampPath(pkg), `${JSON.stringify(stamp)}\n`);
        if (options.verbose) console.error(`built ${pkg.name}${options.jsOnly ? ' (JS only)' : ''}`);
      }
    };
    const width = Math.min(stale.length, Math.max(1, availableParallelism()));
    await Promise.all(Array.from({ length: width }, worker));
    if (options.verbose)
      console.error(`${stale.length} of ${buildable.length} packages built in ${Date.now() - started} ms`);
    return failed;
  });

  for (const { pkg, output } of failures) {
    console.error(`\nbuild of ${pkg.name} failed:\n${output}`);
  }
  if (failures.length) process.exit(1);
}

await main();
