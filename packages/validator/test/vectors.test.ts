import { readFileSync } from 'node:fs';
import type { Finding } from '@reuse-pref/schema';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { createValidator, validateHistory } from '../src/index.js';
import { isHistoryCase, loadVectorFiles, testSchemaPath, type VectorCase } from './load-vectors.js';

const files = loadVectorFiles();
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const checkFile = ajv.compile(JSON.parse(readFileSync(testSchemaPath, 'utf8')));

const ruleSet = (findings: readonly Finding[]) => [...new Set(findings.map((f) => f.rule))].sort();

describe('validation vector files', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [f.path, f] as const))(
    '%s matches conformance/test-schema.json',
    (_path, file) => {
      const ok = checkFile(file.content);
      expect(checkFile.errors ?? [], JSON.stringify(checkFile.errors)).toEqual([]);
      expect(ok).toBe(true);
    },
  );

  it('put each case in the folder of its level, with unique case ids and test ids', () => {
    const caseIds = new Set<string>();
    for (const file of files) {
      for (const c of file.content as VectorCase[]) {
        expect(c.level.toLowerCase(), `${file.path} ${c.id}`).toBe(file.folder);
        expect(caseIds.has(c.id), `duplicate case id ${c.id}`).toBe(false);
        caseIds.add(c.id);
        const testIds = c.tests.map((t) => t.id);
        expect(new Set(testIds).size, `duplicate test id in ${c.id}`).toBe(testIds.length);
      }
    }
  });
});

for (const file of files) {
  describe(file.path, () => {
    for (const c of file.content as VectorCase[]) {
      describe(c.id, () => {
        const validator = createValidator(c.options);
        it.each(c.tests.map((t) => [t.id, t] as const))('%s', (_id, t) => {
          let errors: Finding[];
          let queries: Finding[];
          let valid: boolean;
          if (isHistoryCase(c)) {
            const findings = validateHistory(t.data as never);
            errors = findings.filter((f) => f.severity === 'error');
            queries = findings.filter((f) => f.severity === 'query');
            valid = errors.length === 0;
          } else {
            ({ errors, queries, valid } = validator.validate(t.data));
          }
          expect({ valid, errors: ruleSet(errors), queries: ruleSet(queries) }).toEqual({
            valid: t.expect.valid,
            errors: [...t.expect.errors].sort(),
            queries: [...t.expect.queries].sort(),
          });
          const all = [...errors, ...queries].map((f) => ({ rule: f.rule, pointer: f.pointer }));
          for (const want of t.expect.findings ?? []) expect(all).toContainEqual(want);
        });
      });
    }
  });
}
