// Checks every public package's published shape (ESM + CJS + types resolve for node10, node16 and
// bundler) with @arethetypeswrong/cli against the packed tarball, as a user would install it.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const attw = join(
  dirname(createRequire(import.meta.url).resolve('@arethetypeswrong/cli/package.json')),
  'dist',
  'index.js',
);
// attw packs each package with npm. Run under pnpm, the environment carries pnpm's npm_config_* settings,
// which npm does not know and warns about three times per package: give npm a clean environment.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)));

const failed = [];
for (const dir of readdirSync('packages')) {
  const manifest = JSON.parse(readFileSync(join('packages', dir, 'package.json'), 'utf8'));
  // Private packages are not published; CLI-only packages have no importable entry to check.
  if (manifest.private || !manifest.exports) continue;
  try {
    execFileSync(process.execPath, [attw, '--pack', join('packages', dir), '--format', 'table-flipped'], {
      stdio: 'inherit',
      env,
    });
  } catch {
    failed.push(manifest.name);
  }
}
if (failed.length) {
  console.error(`attw found problems in: ${failed.join(', ')}`);
  process.exit(1);
}
console.log('every public package resolves for ESM, CJS and types');
