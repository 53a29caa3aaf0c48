import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Statement } from '@reuse-pref/schema';
import { createValidator, validateHistory } from '@reuse-pref/validator';
import { readStatementsFromXml } from '@reuse-pref/xml';
import type { TestResult } from '../report/result.js';

interface Check {
  id: string;
  section: string;
  description: string;
  problems: string[];
}

/** Statements from an NDJSON export (one per line) or a CTF / census / fragment XML file. */
async function read(path: string, problems: string[]): Promise<Statement[]> {
  const text = readFileSync(path, 'utf8');
  const out: Statement[] = [];
  if (/\.xml$/i.test(path) || text.trimStart().startsWith('<')) {
    for await (const item of readStatementsFromXml(text)) {
      if ('error' in item)
        problems.push(`${basename(path)}:${item.line}:${item.column}: ${item.error.message}`);
      else out.push(item.value);
    }
    return out;
  }
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      out.push(JSON.parse(line) as Statement);
    } catch (e) {
      problems.push(`${basename(path)}:${i + 1}: not JSON (${(e as Error).message})`);
    }
  });
  return out;
}

/**
 * File mode (producer profile). Each file is one export and is checked on its own: it parses, carries
 * statements, every statement validates, and its history reuses no id for different content (a repeat of
 * the same statement is a SHOULD: allowed, but wasteful). Across the files only ids are compared: the
 * same statement in an NDJSON and a CTF export of one school is expected, an id carrying different
 * content in two files is not (a statement id names one immutable statement everywhere).
 */
export async function runFileChecks(
  paths: readonly string[],
  options: { now?: string } = {},
): Promise<TestResult[]> {
  const validator = createValidator(options.now ? { now: options.now } : {});
  const results: TestResult[] = [];
  const firstFile = new Map<string, { name: string; statement: Statement }>();
  const across: Check = {
    id: 'files-history/ids-consistent',
    section: 'validation.md statement-id-conflict',
    description: 'a statement id is never reused for different content across the files',
    problems: [],
  };
  for (const [name, path] of testNames(paths)) {
    const started = performance.now();
    const parse: Check = {
      id: `file-parses/${name}`,
      section: 'DESIGN 6; spec/v1/xml',
      description: `${name} reads as NDJSON or CTF/census XML`,
      problems: [],
    };
    const statements = await read(path, parse.problems);
    const valid: Check = {
      id: `file-records-valid/${name}`,
      section: 'validation.md',
      description: `every statement in ${name} validates without errors`,
      problems: [],
    };
    statements.forEach((s, i) => {
      const r = validator.validate(s);
      for (const f of r.errors)
        valid.problems.push(
          `record ${i + 1} (${String((s as { id?: unknown }).id)}): ${f.rule} at ${f.pointer}`,
        );
    });
    const nonEmpty: Check = {
      id: `file-not-empty/${name}`,
      section: 'DESIGN 2 producer',
      description: `${name} carries at least one statement`,
      problems: statements.length ? [] : ['no statements found'],
    };
    const history: Check = {
      id: `file-history/${name}`,
      section: 'validation.md statement-id-conflict',
      description: `${name} never reuses a statement id for different content`,
      problems: validateHistory(statements)
        .filter((f) => f.severity === 'error')
        .map((f) => `${f.rule} at record ${recordNumber(f.pointer)}: ${f.message}`),
    };
    const ms = (performance.now() - started) / 4;
    for (const c of [parse, nonEmpty, valid, history]) results.push(toResult(c, ms));
    results.push(repeatsWithin(name, statements));
    compareAcross(name, statements, firstFile, across.problems);
  }
  if (paths.length > 1) results.push(toResult(across, 0));
  return results;
}

/** Test ids name files by base name, or by the path given when two files share a base name. */
function testNames(paths: readonly string[]): [string, string][] {
  const count = new Map<string, number>();
  for (const path of paths) count.set(basename(path), (count.get(basename(path)) ?? 0) + 1);
  return paths.map((path) => [(count.get(basename(path)) ?? 0) > 1 ? path : basename(path), path]);
}

function recordNumber(pointer: string): number {
  return Number(/^\/(\d+)/.exec(pointer)?.[1] ?? -1) + 1;
}

function repeatsWithin(name: string, statements: readonly Statement[]): TestResult {
  const seen = new Set<string>();
  let repeats = 0;
  for (const s of statements) {
    const id = String(s.id).toLowerCase();
    if (seen.has(id)) repeats++;
    seen.add(id);
  }
  return {
    id: `file-ids-unique/${name}`,
    suite: 'file',
    section: 'DESIGN 3 statements are immutable',
    level: 'SHOULD',
    description: `each statement appears once in ${name} (re-deliveries are allowed but wasteful)`,
    status: repeats ? 'fail' : 'pass',
    ...(repeats ? { message: `${repeats} statement id(s) appear more than once` } : {}),
    durationMs: 0,
  };
}

function compareAcross(
  name: string,
  statements: readonly Statement[],
  firstFile: Map<string, { name: string; statement: Statement }>,
  problems: string[],
): void {
  for (const statement of statements) {
    const id = String(statement.id).toLowerCase();
    const earlier = firstFile.get(id);
    if (earlier === undefined) firstFile.set(id, { name, statement });
    else if (earlier.name !== name && validateHistory([earlier.statement, statement]).length > 0)
      problems.push(`${statement.id} in ${name} differs from the same id in ${earlier.name}`);
  }
}

function toResult(c: Check, durationMs: number): TestResult {
  return {
    id: c.id,
    suite: 'file',
    section: c.section,
    level: 'MUST',
    description: c.description,
    status: c.problems.length ? 'fail' : 'pass',
    ...(c.problems.length
      ? {
          message: `${c.problems.slice(0, 20).join('; ')}${c.problems.length > 20 ? ` (+${c.problems.length - 20} more)` : ''}`,
        }
      : {}),
    durationMs,
  };
}
