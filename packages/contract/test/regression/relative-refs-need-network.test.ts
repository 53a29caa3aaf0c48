// Issue 12: the schemas' relative `$ref`s resolve against each schema's `$id` host, which serves nothing
// yet: a parser that honours `$id` (@readme/openapi-parser, the maintained swagger-parser fork) failed
// outright on openapi.yaml, and Redocly's recommended ruleset could not check the examples.
// spec/v1/openapi.bundled.yaml (generated, drift-tested) embeds every schema with internal references;
// here third-party tools read it with the network blocked, and are shown never to try. The findings on
// openapi.yaml are kept as controls, so this test shows what the bundle changes.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import SwaggerParser from '@apidevtools/swagger-parser';
import { validate as readmeValidate } from '@readme/openapi-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bundledPath, specPath } from '../../scripts/render.js';
import { blockNetwork, type Offline } from '../support/offline.js';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const bundled = parse(readFileSync(bundledPath, 'utf8')) as Record<string, unknown>;

let offline: Offline | undefined;
afterEach(() => {
  offline?.restore();
  offline = undefined;
});

function everyRef(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) everyRef(n, found);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else everyRef(value, found);
    }
  }
  return found;
}

const at = (pointer: string) =>
  pointer
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], bundled);

describe('spec/v1/openapi.bundled.yaml', () => {
  it('holds only internal references, each of which resolves, and no $id', () => {
    const refs = everyRef(bundled);
    expect(refs.length).toBeGreaterThan(100);
    expect(refs.filter((ref) => !ref.startsWith('#/'))).toEqual([]);
    expect(refs.filter((ref) => at(ref) === undefined)).toEqual([]);
    expect(JSON.stringify(bundled)).not.toContain('"$id"');
  });

  it('swagger-parser validates it with the network blocked, and never tries the network', async () => {
    offline = blockNetwork();
    const api = await SwaggerParser.validate(bundledPath);
    expect((api as { openapi?: string }).openapi).toBe('3.1.0');
    expect(offline.attempts).toEqual([]);
  });

  it('swagger-parser fails a broken copy, so the check is live', async () => {
    const broken = structuredClone(bundled) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    broken.paths['/health']!.get!.responses['200'] = { content: {} };
    offline = blockNetwork();
    await expect(SwaggerParser.validate(broken as never)).rejects.toThrow();
  });

  it('the $id-following parser reads it offline too; openapi.yaml sends it to the $id host (the finding)', async () => {
    offline = blockNetwork();
    expect(await readmeValidate(bundledPath)).toMatchObject({ valid: true });
    expect(offline.attempts).toEqual([]);
    await expect(readmeValidate(specPath)).rejects.toThrow(/schemas\.reuse-pref\.org/);
    expect(offline.attempts.some((a) => a.includes('schemas.reuse-pref.org'))).toBe(true);
  });

  it("Redocly's recommended ruleset, every rule on (examples checked too): no problem, offline", async () => {
    const { problems, attempts } = await redoclyLint(bundledPath);
    expect(problems).toEqual([]);
    expect(attempts).toEqual([]);
  }, 60_000);

  it('(the finding) the same lint of openapi.yaml cannot check the examples', async () => {
    const { problems } = await redoclyLint(specPath);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.startsWith('no-invalid-media-type-examples'))).toBe(true);
  }, 60_000);
});

/** `redocly lint --extends recommended` in a child process with no network; its problems and attempts. */
async function redoclyLint(document: string): Promise<{ problems: string[]; attempts: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'rp-redocly-'));
  const log = join(dir, 'network.log');
  writeFileSync(log, '');
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        fileURLToPath(new URL('../support/offline.ts', import.meta.url)),
        join(packageDir, 'node_modules/@redocly/cli/bin/cli.js'),
        'lint',
        document,
        '--extends',
        'recommended',
        '--format=json',
      ],
      {
        // From the package, so `--import tsx` resolves; it holds no redocly.yaml to change the rules.
        cwd: packageDir,
        env: {
          ...process.env,
          OFFLINE_LOG: log,
          REDOCLY_TELEMETRY: 'off',
          REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
        },
      },
    ).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    const report = JSON.parse(stdout) as { problems: { ruleId: string; message: string }[] };
    const attempts = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    return { problems: report.problems.map((p) => `${p.ruleId}: ${p.message}`), attempts };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
