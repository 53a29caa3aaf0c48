import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { Profiles, suiteRoot } from '../src/index.js';

const root = suiteRoot();
const scenarioRoot = join(root, 'conformance/scenarios/v1');
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
ajv.addSchema(JSON.parse(readFileSync(join(root, 'conformance/test-schema.json'), 'utf8')));
// A fault step names a fault of the fault hook's own schema (decision 0042).
ajv.addSchema(JSON.parse(readFileSync(join(root, 'conformance/protocol/fault-hook.schema.json'), 'utf8')));
const checkFile = ajv.getSchema(
  'https://schemas.reuse-pref.org/v1/conformance/test-schema.json#/$defs/scenarioFile',
)!;
const schemaNames = new Set(
  readdirSync(join(root, 'spec/v1/schemas')).map((f) => f.replace('.schema.json', '')),
);

const files = Profiles.flatMap((profile) =>
  ['must', 'should', 'may'].flatMap((level) => {
    const dir = join(scenarioRoot, profile, level);
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((n) => n.endsWith('.json'));
    } catch {}
    return names.map((n) => ({
      path: relative(scenarioRoot, join(dir, n)),
      level,
      content: JSON.parse(readFileSync(join(dir, n), 'utf8')),
    }));
  }),
);

describe('scenario files', () => {
  it('exist for every profile', () => {
    expect(new Set(files.map((f) => f.path.split('/')[0]))).toEqual(new Set(Profiles));
  });

  it.each(files.map((f) => [f.path, f] as const))(
    '%s matches test-schema.json#/$defs/scenarioFile',
    (_p, f) => {
      const ok = checkFile(f.content);
      expect(checkFile.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    },
  );

  it('have unique case ids (also against the vectors), levels matching folders, and real schema names', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const f of files) {
      for (const c of f.content as { id: string; level: string; tests: { id: string }[] }[]) {
        if (seen.has(c.id)) problems.push(`duplicate case ${c.id}`);
        seen.add(c.id);
        if (c.level.toLowerCase() !== f.level) problems.push(`${c.id} level ${c.level} in ${f.level}/`);
        const ids = c.tests.map((t) => t.id);
        if (new Set(ids).size !== ids.length) problems.push(`${c.id} repeats a test id`);
      }
      for (const [, name] of JSON.stringify(f.content).matchAll(/"schema":"([^"]+)"/g)) {
        if (!schemaNames.has(name!)) problems.push(`${f.path}: unknown schema ${name}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
