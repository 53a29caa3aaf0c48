import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Statement } from '@reuse-pref/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { renderExamples } from '../scripts/examples.js';
import { type Field, StatementFields, statementsToXml, xmlToStatements } from '../src/index.js';
import { statement } from './arbitraries.js';
import { historyAtA } from './fixtures/transfer-history.js';
import { isSchemaValid, repoRoot, statementSchema } from './statement-check.js';

const xmlDir = join(repoRoot, 'spec/v1/xml');
const read = (name: string) => readFileSync(join(xmlDir, name), 'utf8');

type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema };

/** Every field path of the published JSON schema: `subject.upn`, `choices[]`, `choices[].grounds`... */
function jsonPaths(schema: JsonSchema, prefix = ''): string[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, sub]) => {
    const path = `${prefix}${name}`;
    if (sub.items) return [path, `${path}[]`, ...jsonPaths(sub.items, `${path}[].`)];
    return [path, ...jsonPaths(sub, `${path}.`)];
  });
}

/** The (XML path, JSON path) pairs the reader and writer actually use. */
function mappedPairs(fields: readonly Field[], xml = 'Statement', json = ''): [string, string][] {
  return fields.flatMap((f): [string, string][] => {
    const x = `${xml}/${f.xml}`;
    if (f.kind === 'text') return [[x, `${json}${f.json}`]];
    if (f.kind === 'group')
      return [[x, `${json}${f.json}`], ...mappedPairs(f.fields, x, `${json}${f.json}.`)];
    const item = `${x}/${f.item}`;
    return [
      [x, `${json}${f.json}`],
      [item, `${json}${f.json}[]`],
      ...mappedPairs(f.fields, item, `${json}${f.json}[].`),
    ];
  });
}

function tableRows(markdown: string): [string, string][] {
  const table = markdown.split('\n## ')[0]!;
  return [...table.matchAll(/^\| `(Statement[^`]*)` \| `([^`]+)` \|/gm)].map((m) => [m[1]!, m[2]!]);
}

async function xsdErrors(xml: string | string[], xsd = 'reuse-preferences.xsd'): Promise<string[]> {
  // One call per batch: each call instantiates libxml2's wasm, which costs most of a second.
  const files = (Array.isArray(xml) ? xml : [xml]).map((contents, i) => ({
    fileName: `block-${i}.xml`,
    contents,
  }));
  const result = await validateXML({
    xml: files,
    schema: [{ fileName: xsd, contents: read(xsd) }],
  });
  return result.errors.map((e) => e.rawMessage);
}

describe('mapping.md', () => {
  const rows = tableRows(read('mapping.md'));

  it('has a row for every field of the JSON Statement schema', () => {
    expect(new Set(rows.map(([, json]) => json))).toEqual(new Set(jsonPaths(statementSchema as JsonSchema)));
  });

  it('says what the reference reader and writer do, row for row', () => {
    expect(rows).toEqual(mappedPairs(StatementFields));
  });
});

describe('reuse-preferences.xsd', () => {
  it('accepts every block the writer produces for valid statements', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(statement, { maxLength: 3 }), { minLength: 40, maxLength: 40 }),
        async (histories) => {
          expect(await xsdErrors(histories.map((h) => statementsToXml(h)))).toEqual([]);
        },
      ),
      { numRuns: 3 },
    );
  });

  it('1.0 accepts what the writer produces as the previous version', async () => {
    const previous = historyAtA.filter((s) => !s.provenance);
    expect(
      await xsdErrors(statementsToXml(previous, { version: '1.0' }), 'reuse-preferences-1.0.xsd'),
    ).toEqual([]);
  });

  const rejects: { why: string; xml: string; names: string }[] = [
    {
      why: 'an unknown channel code',
      xml: statementsToXml(historyAtA).replace('<Channel>MISE', '<Channel>FAXX'),
      names: 'Channel',
    },
    {
      why: 'a missing ExpressedAt',
      xml: statementsToXml(historyAtA).replace(/<ExpressedAt>[^<]*<\/ExpressedAt>/, ''),
      names: 'RecordedAt',
    },
    {
      why: 'a date-time without offset',
      xml: statementsToXml(historyAtA).replace('2024-11-12T19:02:00Z', '2024-11-12T19:02:00'),
      names: 'ExpressedAt',
    },
    {
      why: '1.0 grounds in 1.1',
      xml: statementsToXml(historyAtA).replace(/Grounds>/g, 'Reason>'),
      names: 'Reason',
    },
  ];
  it.each(rejects)('refuses $why', async ({ xml, names }) => {
    const errors = await xsdErrors(xml);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toContain(names);
  });
});

describe('worked examples', () => {
  const examples = renderExamples();

  it.each([...examples.keys()])(
    'spec/v1/xml/%s is what the writer produces (run `pnpm generate`)',
    (name) => {
      expect(read(name)).toBe(examples.get(name));
    },
  );

  it.each([...examples.keys()])(
    '%s reads to valid statements, each block valid against the XSD',
    async (name) => {
      const xml = read(name);
      const statements: Statement[] = xmlToStatements(xml);
      expect(statements.length).toBe(historyAtA.length + 1);
      for (const s of statements) expect(isSchemaValid(s), JSON.stringify(isSchemaValid.errors)).toBe(true);
      for (const [block] of xml.matchAll(/<ReusePreferences[\s\S]*?<\/ReusePreferences>/g)) {
        expect(await xsdErrors(block)).toEqual([]);
      }
    },
  );
});
