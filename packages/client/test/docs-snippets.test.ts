// Runs every ```ts snippet in the client README and the guides against the contract server, and checks
// what it prints against the `<!-- expect: ... -->` line above it, so the documentation cannot rot.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { feedHandler, statements } from './support/feed.js';
import { resetContractServer, server } from './support/server.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const clientEntry = fileURLToPath(new URL('../src/index.ts', import.meta.url));
const documents = [
  'packages/client/README.md',
  ...readdirSync(join(root, 'docs/guides')).map((file) => `docs/guides/${file}`),
];

interface Snippet {
  document: string;
  line: number;
  expect: string | undefined;
  code: string;
}

function snippets(document: string): Snippet[] {
  const lines = readFileSync(join(root, document), 'utf8').split('\n');
  const found: Snippet[] = [];
  lines.forEach((text, i) => {
    if (text.trim() !== '```ts') return;
    const end = lines.indexOf('```', i + 1);
    const marker = lines[i - 1]?.match(/^<!-- expect: (.*) -->$/);
    found.push({ document, line: i + 1, expect: marker?.[1], code: lines.slice(i + 1, end).join('\n') });
  });
  return found;
}

const all = documents.flatMap(snippets);
const workDir = mkdtempSync(join(tmpdir(), 'reuse-pref-snippets-'));

function writeSnippet(snippet: Snippet): string {
  const file = join(workDir, `${snippet.document.replace(/\W/g, '-')}-${snippet.line}.ts`);
  writeFileSync(
    file,
    `${snippet.code.replaceAll("'@reuse-pref/client'", JSON.stringify(clientEntry))}\nexport {};\n`,
  );
  return file;
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  resetContractServer();
  server.use(feedHandler(statements(2)));
});
afterAll(() => {
  server.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('documentation snippets', () => {
  it('type-check against the client as a user would compile them', () => {
    const files = all.map(writeSnippet);
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      allowImportingTsExtensions: true,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
      types: [],
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && files.includes(d.file.fileName))
      .map(
        (d) =>
          `${d.file?.fileName.slice(workDir.length + 1)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
      );
    expect(problems).toEqual([]);
  });

  // Every guide is scanned, so a ```ts snippet added to any of them runs here; the client's own README
  // and its two guides must have some. Guides for other audiences (conformance, reference apps) need not.
  it('there are snippets in the README and in both client guides', () => {
    const withSnippets = new Set(all.map((s) => s.document));
    for (const doc of [
      'packages/client/README.md',
      'docs/guides/mis-vendor.md',
      'docs/guides/integrator.md',
    ]) {
      expect(withSnippets, doc).toContain(doc);
    }
  });

  it.each(all.map((s) => [`${s.document}:${s.line}`, s] as const))(
    '%s runs and prints what it says',
    async (_, snippet) => {
      expect(snippet.expect, 'each snippet needs an <!-- expect: ... --> line above it').toBeDefined();
      const file = writeSnippet(snippet);
      const printed: string[] = [];
      const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
        printed.push(args.join(' '));
      });
      try {
        await import(/* @vite-ignore */ file);
      } finally {
        log.mockRestore();
      }
      expect(printed).toContain(snippet.expect);
    },
  );
});
