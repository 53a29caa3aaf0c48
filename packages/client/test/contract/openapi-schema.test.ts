import { readFileSync } from 'node:fs';
import { validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { specDir, specPath } from '../support/contract.js';

const published = 'https://schemas.reuse-pref.org/v1/';

/**
 * The parser follows each schema's $id, as JSON Schema says it must, so `./statement.schema.json` inside
 * an envelope means https://schemas.reuse-pref.org/v1/statement.schema.json. That URL is the published
 * name of spec/v1/schemas/statement.schema.json: serve it from the checked-in file, never the network.
 */
type ParserOptions = NonNullable<Parameters<typeof validate>[1]>;

// The parser's types omit the resolver `read` hook that its runtime (json-schema-ref-parser) honours.
const options = {
  resolve: {
    http: {
      read: (file: { url: string }) => {
        if (!file.url.startsWith(published)) throw new Error(`unexpected network reference ${file.url}`);
        return readFileSync(`${specDir}schemas/${file.url.slice(published.length)}`, 'utf8');
      },
    },
  },
} as unknown as ParserOptions;

describe('openapi.yaml against the OpenAPI 3.1 schema (external refs resolved)', () => {
  it('is valid', async () => {
    const result = await validate(specPath, options);
    expect(result).toMatchObject({ valid: true, specification: 'OpenAPI' });
  });

  it.each([
    ['no info', (doc: Record<string, unknown>) => delete doc.info],
    ['an unknown top-level field', (doc: Record<string, unknown>) => Object.assign(doc, { paths2: {} })],
    [
      'a response without a description',
      (doc: { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> }) => {
        doc.paths['/health']!.get!.responses['200'] = { content: {} };
      },
    ],
  ])('rejects a copy with %s (the check is live)', async (_, breakIt) => {
    const doc = parse(readFileSync(specPath, 'utf8'));
    breakIt(doc);
    const result = await validate(doc, {
      ...options,
      resolve: { ...options.resolve, external: false },
    } as ParserOptions);
    expect(result.valid).toBe(false);
  });
});
