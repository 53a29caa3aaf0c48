import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Statement } from '@reuse-pref/schema';
import { describe, expect, it } from 'vitest';
import { renderRulesJson, TABLE_BEGIN, TABLE_END, withRulesTable } from '../scripts/render-rules.js';
import { rules } from '../src/index.js';
import { mappedKeywords } from '../src/schema-check.js';

const specDir = join(import.meta.dirname, '../../../spec/v1');
const markdown = readFileSync(join(specDir, 'validation.md'), 'utf8');

/** Rows of the rule table as a reader sees them: id and severity from each line between the markers. */
function tableRows(): [string, string][] {
  const table = markdown.slice(markdown.indexOf(TABLE_BEGIN), markdown.indexOf(TABLE_END));
  return [...table.matchAll(/^\| `([a-z0-9-]+)` \| (error|query) \|/gm)].map((m) => [m[1]!, m[2]!]);
}

describe('the rule table', () => {
  it('spec/v1/validation-rules.json matches src/rules.ts (run `pnpm --filter @reuse-pref/validator generate`)', () => {
    expect(readFileSync(join(specDir, 'validation-rules.json'), 'utf8')).toBe(renderRulesJson());
  });

  it('spec/v1/validation.md has the generated table', () => {
    expect(markdown).toBe(withRulesTable(markdown));
  });

  it('lists in validation.md every rule of the JSON with the same severity, and no others', () => {
    const json = JSON.parse(readFileSync(join(specDir, 'validation-rules.json'), 'utf8')) as {
      rules: { id: string; severity: string }[];
    };
    expect(tableRows()).toEqual(json.rules.map((r) => [r.id, r.severity]));
  });

  it('has unique kebab-case ids, and a field, message and why for each rule', () => {
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect([r.field.length > 0, r.message.length > 0, r.why.length > 0]).toEqual([true, true, true]);
    }
  });
});

describe('the Statement schema', () => {
  it('uses only keywords that map to a rule', () => {
    // Annotations, and structure whose errors come from the keywords it holds (Ajv reports no allOf error).
    const annotations = new Set(['$id', 'title', 'description', 'properties', 'items', 'allOf', 'default']);
    const used = new Set<string>();
    const walk = (node: unknown, inProperties: boolean) => {
      if (Array.isArray(node)) for (const n of node) walk(n, false);
      else if (node !== null && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (!inProperties) used.add(k);
          walk(v, k === 'properties' && !inProperties);
        }
      }
    };
    walk(JSON.parse(JSON.stringify(Statement)), false);
    const unmapped = [...used].filter(
      (k) => !annotations.has(k) && !(mappedKeywords as readonly string[]).includes(k),
    );
    expect(unmapped).toEqual([]);
  });
});
