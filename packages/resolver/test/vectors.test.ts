import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  canonicalJson,
  findCatalogue,
  isDateTime,
  isFullDate,
  type Statement,
  type Subject,
} from '@reuse-pref/schema';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ResolverInputError, resolve } from '../src/index.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const vectorRoot = join(repo, 'conformance/vectors/v1');
const resolverRoot = join(vectorRoot, 'resolver');

interface ResolverCase {
  id: string;
  level: 'MUST' | 'SHOULD' | 'MAY';
  input: {
    subject?: { dateOfBirth?: string };
    asOf: string;
    competenceAge?: number;
    catalogueVersion?: string;
    statements: Statement[];
  };
  tests: ResolverTest[];
}
type ResolverTest =
  | { id: string; purpose: string; expect: Record<string, unknown> & { flags?: string[] } }
  | { id: string; expect: { refused: { pointer: string } } }
  | { id: string; expect: { subject: Record<string, unknown> } };
const isRefusal = (t: ResolverTest): t is Extract<ResolverTest, { expect: { refused: unknown } }> =>
  'refused' in t.expect;
const isSubject = (t: ResolverTest): t is Extract<ResolverTest, { expect: { subject: unknown } }> =>
  'subject' in t.expect;

function jsonFiles(dir: string): string[] {
  let out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (name.endsWith('.json')) out.push(path);
    else if (!name.includes('.')) out = out.concat(jsonFiles(path));
  }
  return out;
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateFile = ajv.compile(
  JSON.parse(readFileSync(join(repo, 'conformance/test-schema.json'), 'utf8')),
);
// Statements are checked with the standard's own strict formats (validation.md 3), not ajv-formats',
// which takes a space separator and `+0100`.
const strict = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(strict);
strict.addFormat('date', isFullDate);
strict.addFormat('date-time', isDateTime);
const validateStatement = strict.compile(
  JSON.parse(readFileSync(join(repo, 'spec/v1/schemas/statement.schema.json'), 'utf8')),
);

/** The refused pointer moved with the statement it names, for statements in another order. */
function pointerIn(pointer: string, given: readonly Statement[], order: readonly Statement[]): string {
  const m = /^\/statements\/(\d+)(\/.*)$/.exec(pointer);
  return m ? `/statements/${order.indexOf(given[Number(m[1])]!)}${m[2]}` : pointer;
}

/** Deterministic shuffle, seeded from the case id, so a failure reproduces. */
function shuffled<T>(items: readonly T[], seed: string): T[] {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
    const j = h % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function run(c: ResolverCase, statements: readonly Statement[]) {
  const catalogue = c.input.catalogueVersion ? findCatalogue(c.input.catalogueVersion) : undefined;
  if (c.input.catalogueVersion && !catalogue)
    throw new Error(`unknown catalogue ${c.input.catalogueVersion}`);
  return resolve({
    statements,
    asOf: c.input.asOf,
    ...(c.input.subject ? { subject: c.input.subject as Subject } : {}),
    ...(c.input.competenceAge !== undefined ? { competenceAge: c.input.competenceAge } : {}),
    ...(catalogue ? { catalogue } : {}),
  });
}

const files = jsonFiles(resolverRoot);
const load = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as ResolverCase[];

describe('resolver vector files', () => {
  it('exist and hold at least 60 tests', () => {
    const tests = files.flatMap(load).reduce((n, c) => n + c.tests.length, 0);
    expect(tests).toBeGreaterThanOrEqual(60);
  });

  it.each(files.map((f) => [relative(vectorRoot, f), f]))('%s matches test-schema.json', (_, file) => {
    const valid = validateFile(load(file));
    expect(validateFile.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(files.map((f) => [relative(vectorRoot, f), f]))('%s levels match the folder', (_, file) => {
    const folder = basename(dirname(file)).toUpperCase();
    for (const c of load(file)) expect(`${c.id}: ${c.level}`).toBe(`${c.id}: ${folder}`);
  });

  it('case ids are unique across every vector file, test ids within their case', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const file of jsonFiles(vectorRoot)) {
      const cases = JSON.parse(readFileSync(file, 'utf8')) as { id?: string; tests?: { id: string }[] }[];
      if (!Array.isArray(cases)) continue;
      for (const c of cases) {
        if (typeof c.id !== 'string') continue;
        const where = relative(vectorRoot, file);
        const other = seen.get(c.id);
        if (other && (where.startsWith('resolver') || other.startsWith('resolver'))) {
          clashes.push(`${c.id} in ${other} and ${where}`);
        }
        seen.set(c.id, where);
        if (where.startsWith('resolver')) {
          const testIds = (c.tests ?? []).map((t) => t.id);
          if (new Set(testIds).size !== testIds.length) clashes.push(`${c.id} repeats a test id`);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it('every statement in a vector is schema-valid, except the one a refusal names', () => {
    const invalid: string[] = [];
    for (const c of files.flatMap(load)) {
      const refusedAt = c.tests.filter(isRefusal).map((t) => t.expect.refused.pointer);
      c.input.statements.forEach((s, i) => {
        const named = refusedAt.some((p) => p.startsWith(`/statements/${i}/`));
        if (validateStatement(s) === named) {
          invalid.push(
            `${c.id} #${i}: ${named ? 'named by a refusal but valid' : strict.errorsText(validateStatement.errors)}`,
          );
        }
      });
    }
    expect(invalid).toEqual([]);
  });
});

for (const file of files) {
  describe(relative(resolverRoot, file), () => {
    for (const c of load(file)) {
      const orders = {
        given: c.input.statements,
        reversed: [...c.input.statements].reverse(),
        shuffled: shuffled(c.input.statements, c.id),
      };
      for (const t of c.tests) {
        if (isRefusal(t)) {
          it.each(Object.entries(orders))(`${c.id}/${t.id} (%s order)`, (_, statements) => {
            const refusal = (() => {
              try {
                run(c, statements);
              } catch (error) {
                return error;
              }
            })();
            expect(refusal).toBeInstanceOf(ResolverInputError);
            expect((refusal as ResolverInputError).pointer).toBe(
              pointerIn(t.expect.refused.pointer, c.input.statements, statements),
            );
          });
          continue;
        }
        if (isSubject(t)) {
          const want = t.expect.subject;
          it.each(Object.entries(orders))(`${c.id}/${t.id} (%s order)`, (_, statements) => {
            expect(canonicalJson(run(c, statements).subject)).toBe(canonicalJson(want));
          });
          continue;
        }
        it.each(Object.entries(orders))(`${c.id}/${t.id} (%s order)`, (_, statements) => {
          const result = run(c, statements);
          const got = result.preferences.find((p) => p.purpose === t.purpose);
          expect(got, `purpose ${t.purpose} missing`).toBeDefined();
          const { flags, ...want } = t.expect;
          expect({
            shared: got!.shared,
            value: got!.value,
            decidedBy: got!.decidedBy,
            default: got!.default,
          }).toEqual(want);
          if (flags) expect([...got!.flags].sort()).toEqual([...flags].sort());
        });
      }
    }
  });
}
