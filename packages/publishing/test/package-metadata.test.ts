import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// What every published package must carry so that a stranger (or their licence scanner) can trust it.
// A package added later is checked here without an entry of its own; the messages say what to add.
const repoRoot = join(import.meta.dirname, '..', '..', '..');
const root = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const licence = readFileSync(join(repoRoot, 'LICENSE'), 'utf8');
const REPO = root.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

const packages = readdirSync(join(repoRoot, 'packages'))
  .map((dir) => ({
    dir,
    manifest: JSON.parse(readFileSync(join(repoRoot, 'packages', dir, 'package.json'), 'utf8')),
  }))
  .filter(({ manifest }) => !manifest.private);

describe.each(packages.map((p) => [p.manifest.name as string, p] as const))(
  '%s',
  (_name, { dir, manifest }) => {
    it('is Apache-2.0, with the root LICENSE file copied in (npm packs it from the package folder)', () => {
      expect(manifest.license).toBe('Apache-2.0');
      const path = join(repoRoot, 'packages', dir, 'LICENSE');
      expect(existsSync(path), `copy LICENSE to packages/${dir}/LICENSE`).toBe(true);
      expect(readFileSync(path, 'utf8')).toBe(licence);
    });

    it('names its repository folder, home page and bug tracker', () => {
      expect(manifest.repository).toEqual({
        type: 'git',
        url: root.repository.url,
        directory: `packages/${dir}`,
      });
      expect(manifest.homepage).toBe(`${REPO}/tree/main/packages/${dir}#readme`);
      expect(manifest.bugs).toEqual({ url: `${REPO}/issues` });
    });

    it('runs on the Node versions CI proves, publishes publicly, and packs only what users need', () => {
      expect(manifest.engines).toEqual({ node: '>=20.19' });
      expect(manifest.publishConfig).toEqual({ access: 'public' });
      expect(manifest.files).toEqual(expect.arrayContaining(['dist', 'README.md', 'CHANGELOG.md']));
      expect(manifest.name.startsWith('@reuse-pref/')).toBe(true);
    });

    it('has a README and, once a version is cut, a CHANGELOG', () => {
      expect(existsSync(join(repoRoot, 'packages', dir, 'README.md'))).toBe(true);
      if (manifest.version !== '0.0.0')
        expect(existsSync(join(repoRoot, 'packages', dir, 'CHANGELOG.md'))).toBe(true);
    });
  },
);

describe('versions', () => {
  it('every public package has the same version (one fixed changesets group)', () => {
    const versions = new Set(packages.map((p) => p.manifest.version));
    expect([...versions]).toHaveLength(1);
    const config = JSON.parse(readFileSync(join(repoRoot, '.changeset/config.json'), 'utf8'));
    expect(config.fixed).toEqual([['@reuse-pref/*']]);
  });

  it('private workspace packages stay at 0.0.0, so they never lift the fixed group', () => {
    const folders = ['packages', 'examples'];
    const privates = folders.flatMap((folder) =>
      readdirSync(join(repoRoot, folder))
        .filter((dir) => existsSync(join(repoRoot, folder, dir, 'package.json')))
        .map((dir) => JSON.parse(readFileSync(join(repoRoot, folder, dir, 'package.json'), 'utf8')))
        .filter((m) => m.private),
    );
    expect(privates.length).toBeGreaterThan(0);
    for (const m of privates) expect(`${m.name}@${m.version}`).toBe(`${m.name}@0.0.0`);
  });

  it('the guides pin the version range that is published', () => {
    const version = packages[0]!.manifest.version as string;
    const [major, minor] = version.split('.').map(Number);
    const range = major === 0 ? `^0.${minor}.0` : `^${major}.0.0`;
    const docs = [
      ...readdirSync(join(repoRoot, 'docs/guides')).map((f) => join(repoRoot, 'docs/guides', f)),
      ...readdirSync(join(repoRoot, 'examples/vendor-ci')).map((f) =>
        join(repoRoot, 'examples/vendor-ci', f),
      ),
    ];
    for (const file of docs) {
      for (const m of readFileSync(file, 'utf8').matchAll(/@reuse-pref\/[a-z-]+@"?(\^?[0-9][^\s"]*)/g))
        expect(`${file}: ${m[1]}`).toBe(`${file}: ${range}`);
      for (const m of readFileSync(file, 'utf8').matchAll(/SUITE_VERSION(?::-|: )"?(\^?[0-9][^\s"}]*)/g))
        expect(`${file}: ${m[1]}`).toBe(`${file}: ${range}`);
    }
  });
});
