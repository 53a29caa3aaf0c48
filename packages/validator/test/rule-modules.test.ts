import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleModules } from '../src/rules/index.js';

const rulesDir = join(import.meta.dirname, '../src/rules');
const groups = readdirSync(rulesDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);
const files = groups.flatMap((group) =>
  readdirSync(join(rulesDir, group))
    .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
    .map((name) => ({
      group,
      name: basename(name, '.ts'),
      text: readFileSync(join(rulesDir, group, name), 'utf8'),
    })),
);
/** A file that defines a rule (schemaRule/statementRule/historyRule), rather than a helper of its group. */
const definesRule = (text: string) => /\b(schema|statement|history)Rule\(\{/.test(text);

describe('rules as modules', () => {
  it('gives every rule of the table its own file, named after its id', () => {
    const ruleFiles = files.filter((f) => definesRule(f.text));
    expect(ruleFiles.map((f) => f.name).sort()).toEqual(ruleModules.map((r) => r.id).sort());
    for (const f of ruleFiles) expect(f.text, f.name).toContain(`id: '${f.name}',`);
  });

  it('defines one rule per file', () => {
    for (const f of files) {
      expect(f.text.match(/\b(schema|statement|history)Rule\(\{/g)?.length ?? 0, f.name).toBeLessThanOrEqual(
        1,
      );
    }
  });

  it('keeps each group together in the table, in folder order of first appearance', () => {
    const groupOf = new Map(files.filter((f) => definesRule(f.text)).map((f) => [f.name, f.group]));
    const sequence = ruleModules.map((r) => groupOf.get(r.id)!);
    const runs = sequence.filter((g, i) => g !== sequence[i - 1]);
    expect(new Set(runs).size).toBe(runs.length);
  });

  it('has a check for every rule the schema does not decide, and Ajv keywords for every one it does', () => {
    for (const r of ruleModules) {
      if (r.kind === 'schema') expect(r.keywords.length, r.id).toBeGreaterThan(0);
      else expect(typeof r.check, r.id).toBe('function');
    }
  });
});
