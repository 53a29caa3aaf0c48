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
 * File mode (producer profile): each export file parses, every statement validates, statement ids
 * are unique (or exact re-deliveries), and the history holds no conflicting reuse of an id.
 */
export async function runFileChecks(
  paths: readonly string[],
  options: { now?: string } = {},
): Promise<TestResult[]> {
  const validator = createValidator(options.now ? { now: options.now } : {});
  const results: TestResult[] = [];
  const all: Statement[] = [];
  for (const path of paths) {
    const name = basename(path);
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
    all.push(...statements);
    const ms = (performance.now() - started) / 3;
    for (const c of [parse, nonEmpty, valid]) results.push(toResult(c, ms));
  }
  const started = performance.now();
  const ids = new Map<string, number>();
  for (const s of all) ids.set(String(s.id).toLowerCase(), (ids.get(String(s.id).toLowerCase()) ?? 0) + 1);
  const history: Check = {
    id: 'files-history/ids-consistent',
    section: 'validation.md statement-id-conflict',
    description: 'a statement id is never reused for different content across the files',
    problems: [],
  };
  for (const f of validateHistory(all))
    if (f.severity === 'error') history.problems.push(`${f.rule} at ${f.pointer}: ${f.message}`);
  const repeats = [...ids].filter(([, n]) => n > 1).length;
  results.push(toResult(history, performance.now() - started));
  results.push({
    id: 'files-history/ids-unique',
    suite: 'file',
    section: 'DESIGN 3 statements are immutable',
    level: 'SHOULD',
    description: 'each statement appears once across the export (re-deliveries are allowed but wasteful)',
    status: repeats ? 'fail' : 'pass',
    ...(repeats ? { message: `${repeats} statement id(s) appear more than once` } : {}),
    durationMs: 0,
  });
  return results;
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
