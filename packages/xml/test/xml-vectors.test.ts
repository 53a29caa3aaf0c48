import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { readStatementsFromXml, XmlCarriageError, xmlToStatements } from '../src/index.js';
import { repoRoot } from './statement-check.js';

type XmlTest = {
  id: string;
  description: string;
  xml: string;
  expect: { statements: unknown[] } | { error: { element: string; line: number; column?: number } };
};
type XmlCase = { id: string; level: string; tests: XmlTest[] };

const dir = join(repoRoot, 'conformance/vectors/v1/xml/must');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const testSchema = JSON.parse(readFileSync(join(repoRoot, 'conformance/test-schema.json'), 'utf8'));
const checkFile = addFormats(new Ajv2020({ strict: false })).compile(testSchema);

/** A string chopped into 7-byte pieces, so every vector also goes through the streaming path's seams. */
function* bytesIn7(xml: string) {
  const bytes = new TextEncoder().encode(xml);
  for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
}

describe.each(files)('conformance/vectors/v1/xml/must/%s', (file) => {
  const cases = JSON.parse(readFileSync(join(dir, file), 'utf8')) as XmlCase[];

  it('follows conformance/test-schema.json', () => {
    expect(checkFile(cases), JSON.stringify(checkFile.errors)).toBe(true);
    for (const c of cases) expect(c.level).toBe('MUST');
  });

  const tests = cases.flatMap((c) => c.tests.map((t) => [`${c.id}/${t.id}`, t] as const));
  it.each(tests)('%s (whole string)', (_id, t) => {
    if ('statements' in t.expect) {
      expect(xmlToStatements(t.xml)).toStrictEqual(t.expect.statements);
    } else {
      const want = t.expect.error;
      expect(() => xmlToStatements(t.xml)).toThrow(XmlCarriageError);
      expect(() => xmlToStatements(t.xml)).toThrow(expect.objectContaining(want));
    }
  });

  it.each(tests)('%s (streamed in 7-byte chunks)', async (_id, t) => {
    const values: unknown[] = [];
    const errors: XmlCarriageError[] = [];
    for await (const item of readStatementsFromXml(bytesIn7(t.xml))) {
      if ('error' in item) errors.push(item.error);
      else values.push(item.value);
    }
    if ('statements' in t.expect) {
      expect(errors).toEqual([]);
      expect(values).toStrictEqual(t.expect.statements);
    } else {
      expect(errors[0]).toMatchObject(t.expect.error);
    }
  });
});
