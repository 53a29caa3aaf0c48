// Issue 12: third-party generated types made `subject` `unknown` in four schemas (statement, effective
// preferences, onward-share page, ledger entry); only our own generator patched that. Why: beside
// `properties`, "at least one of upn, uln, localId" was a bare `anyOf` of required-only branches, which
// openapi-typescript renders as `{...} | unknown`, and that union is `unknown`. The source now wraps the
// anyOf in `allOf` (`{...} & unknown` is the object). Here openapi-typescript runs unaided, offline, on
// openapi.yaml and on openapi.bundled.yaml, and a client made with openapi-fetch from each must read
// `statement.subject.upn` as `string | undefined` with no cast, in all four places.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledPath, specPath } from '../../scripts/render.js';
import { blockNetwork } from '../support/offline.js';

// Inside the package's node_modules, so the snippet resolves openapi-fetch as an installed package.
const work = mkdtempSync(
  join(fileURLToPath(new URL('../../node_modules/', import.meta.url)), '.subject-types-'),
);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const snippet = `import createClient from 'openapi-fetch';
import type { components, paths } from './paths.js';

type Is<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Schemas = components['schemas'];

const client = createClient<paths>({ baseUrl: 'https://api.reuse-pref.example/v1' });

export async function upnOf(statementId: string): Promise<string | undefined> {
  const { data } = await client.GET('/schools/{urn}/statements/{statementId}', {
    params: { path: { urn: '100000', statementId } },
  });
  if (!data) return undefined;
  const upn: string | undefined = data.subject.upn;
  return upn;
}

// The four schemas the issue names, each read without a cast.
export const statement: Is<Schemas['Statement']['subject']['upn'], string | undefined> = true;
export const effective: Is<
  Schemas['PupilPreferences']['effective']['subject']['upn'],
  string | undefined
> = true;
export const onwardShare: Is<
  Schemas['OnwardSharePage']['items'][number]['subject']['upn'],
  string | undefined
> = true;
export const ledgerEntry: Is<
  Schemas['SubjectLedger']['entries'][number]['subject']['upn'],
  string | undefined
> = true;
`;

/** What TypeScript says of the snippet against openapi-typescript's output for `document`. */
async function compileAgainst(document: string, name: string, extra = ''): Promise<string[]> {
  const offline = blockNetwork();
  let types: string;
  try {
    types = astToString(await openapiTS(pathToFileURL(document)));
  } finally {
    offline.restore();
  }
  expect(offline.attempts).toEqual([]);
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'paths.ts'), types);
  writeFileSync(join(dir, 'client.ts'), `${snippet}${extra}`);
  const program = ts.createProgram([join(dir, 'client.ts')], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName.startsWith(dir))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('openapi-typescript + openapi-fetch, unaided', () => {
  it.each([
    ['openapi.bundled.yaml', bundledPath],
    ['openapi.yaml', specPath],
  ])(
    'from %s, statement.subject.upn is string | undefined in all four schemas',
    async (name, document) => {
      expect(await compileAgainst(document, name.replace(/\W/g, '-'))).toEqual([]);
    },
    60_000,
  );

  it('and subject is a real type, not any: a field it does not have is an error', async () => {
    const errors = await compileAgainst(
      bundledPath,
      'negative',
      `\nexport const nope = (s: Schemas['Statement']) => s.subject.nope;\n`,
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("'nope' does not exist");
  }, 60_000);
});
