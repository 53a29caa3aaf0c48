import type { VectorCase, VectorFile, VectorTest } from '../vectors/load.js';
import {
  type RuleDependencies,
  ruleDependencies,
  type StatementField,
  statementFields,
} from './dependencies.js';

/**
 * The field × rule coverage check (issue 11): a rule is only tested on a field where some vector varies
 * that field **alone** and the expected outcome changes with it. An implementation that reads the wrong
 * field, or ignores one, passes every vector that never does this.
 *
 * A **minimal pair** for (rule, field) is two tests whose inputs are identical except below that field
 * (every other statement field, every option, the purpose tested, the number of statements) and whose
 * expected outcomes differ:
 * - resolver tests: the effective preference (shared, value, default, flags, and the deciding statement
 *   by its position in the input, so renumbered ids do not count as a change of outcome), or the refusal;
 *   the pair counts for each rule cited by the `section` of either case;
 * - validation tests: whether the rule fires (its id in `errors` or `queries`).
 * Only the tested purpose's choices are seen in a resolver test, so a pair that answers LINK differently
 * and is asked about LINK varies `choices[].value`.
 */

export interface Cell {
  rule: string;
  kind: 'resolver' | 'validation';
  field: StatementField;
  /** `<case id>/<test id>` of both tests of the first minimal pair found, or undefined: a gap. */
  pair?: [string, string];
}

type View = Map<string, string>;

interface Observation {
  id: string;
  view: View;
  /** Resolver: the outcome's JSON; validation: the set of rules that fire. */
  outcome: string | ReadonlySet<string>;
  rules: readonly string[];
  /** A bucket key: tests can only pair within a bucket (same kind, same statement count). */
  bucket: string;
}

function flatten(value: unknown, path: string, into: Map<string, unknown[]>): void {
  if (Array.isArray(value)) {
    // Choices are a list: their leaves are compared as lists, in order, under `choices[].<member>`.
    if (value.length === 0) into.set(`${path}[]`, []);
    for (const item of value) flatten(item, `${path}[]`, into);
    return;
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) into.set(path, ['{}']);
    for (const k of keys) flatten((value as Record<string, unknown>)[k], path ? `${path}.${k}` : k, into);
    return;
  }
  const list = into.get(path) ?? [];
  list.push(value);
  into.set(path, list);
}

function statementView(statement: unknown, prefix: string, view: View, purpose?: string): void {
  let s = statement;
  if (purpose !== undefined && s !== null && typeof s === 'object' && !Array.isArray(s)) {
    // A resolver test asks about one purpose: only that purpose's answers are part of what it sees.
    const choices = (s as { choices?: unknown }).choices;
    const own = Array.isArray(choices)
      ? choices
          .filter((c) => (c as { purpose?: unknown })?.purpose === purpose)
          .map((c) => {
            const { purpose: _p, ...rest } = c as Record<string, unknown>;
            return rest;
          })
      : choices;
    s = { ...(s as Record<string, unknown>), choices: own };
  }
  const leaves = new Map<string, unknown[]>();
  flatten(s, '', leaves);
  for (const [k, list] of leaves) view.set(`${prefix}${k}`, JSON.stringify(list));
}

const sectionRules = (section: string): string[] =>
  section.startsWith('resolver.md') ? [...section.matchAll(/R\d+/g)].map((m) => m[0]) : [];

function resolverObservation(c: VectorCase, t: VectorTest): Observation {
  const input = c.input!;
  const statements = input.statements as { id?: string }[];
  const view: View = new Map([
    ['@asOf', input.asOf],
    ['@dateOfBirth', String(input.subject?.dateOfBirth)],
    ['@competenceAge', String(input.competenceAge)],
    ['@catalogueVersion', String(input.catalogueVersion)],
    ['@purpose', String(t.purpose)],
  ]);
  for (const [i, s] of statements.entries()) statementView(s, `${i}:`, view, t.purpose ?? '');
  const e = t.expect as Record<string, unknown>;
  const decidedBy =
    typeof e.decidedBy === 'string'
      ? statements.findIndex((s) => String(s.id).toLowerCase() === (e.decidedBy as string).toLowerCase())
      : null;
  const outcome = JSON.stringify(
    e.refused !== undefined
      ? { refused: e.refused }
      : {
          shared: e.shared,
          value: e.value,
          default: e.default,
          decidedBy,
          flags: Array.isArray(e.flags) ? [...(e.flags as string[])].sort() : null,
        },
  );
  return {
    id: `${c.id}/${t.id}`,
    view,
    outcome,
    rules: sectionRules(c.section),
    bucket: `resolver:${statements.length}`,
  };
}

function validationObservation(c: VectorCase, t: VectorTest): Observation {
  const history = c.id.startsWith('history-');
  const view: View = new Map([['@options', JSON.stringify(c.options ?? {})]]);
  const statements = history && Array.isArray(t.data) ? t.data : [t.data];
  for (const [i, s] of statements.entries()) statementView(s, `${i}:`, view);
  const e = t.expect as { errors?: string[]; queries?: string[] };
  const fired = new Set([...(e.errors ?? []), ...(e.queries ?? [])]);
  return {
    id: `${c.id}/${t.id}`,
    view,
    outcome: fired,
    rules: [],
    bucket: `${history ? 'history' : 'validate'}:${statements.length}`,
  };
}

/** The paths where two views differ. */
function difference(a: View, b: View): string[] {
  const out: string[] = [];
  for (const [k, v] of a) if (b.get(k) !== v) out.push(k);
  for (const k of b.keys()) if (!a.has(k)) out.push(k);
  return out;
}

/** The field that a difference lies wholly under, among those asked about (most specific first). */
function under(paths: readonly string[], field: StatementField): boolean {
  return paths.every((p) => {
    const colon = p.indexOf(':');
    if (p.startsWith('@') || colon < 0) return false;
    const leaf = p.slice(colon + 1);
    return leaf === field || leaf.startsWith(`${field}.`) || leaf.startsWith(`${field}[]`);
  });
}

function observations(files: readonly VectorFile[]): Observation[] {
  // Signature vectors name no statement field a validation or resolver rule reads.
  return files
    .filter((f) => f.kind !== 'signature')
    .flatMap((f) =>
      f.cases.flatMap((c) =>
        c.tests.map((t) => (f.kind === 'resolver' ? resolverObservation(c, t) : validationObservation(c, t))),
      ),
    );
}

/** Every (rule, field) the spec says the outcome depends on, with the first minimal pair that varies it. */
export function fieldRuleCoverage(
  files: readonly VectorFile[],
  dependencies: readonly RuleDependencies[] = ruleDependencies,
): Cell[] {
  const obs = observations(files);
  const byBucket = new Map<string, Observation[]>();
  for (const o of obs) byBucket.set(o.bucket, [...(byBucket.get(o.bucket) ?? []), o]);
  const cells = new Map<string, Cell>();
  const key = (rule: string, field: string) => `${rule}\u0000${field}`;
  for (const d of dependencies)
    for (const field of d.fields) cells.set(key(d.rule, field), { rule: d.rule, kind: d.kind, field });
  const validationRules = dependencies.filter((d) => d.kind === 'validation');
  for (const [bucket, list] of byBucket) {
    const resolver = bucket.startsWith('resolver:');
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        const diff = difference(a.view, b.view);
        if (diff.length === 0) continue;
        const fields = statementFields.filter((f) => under(diff, f));
        if (fields.length === 0) continue;
        const rules = resolver
          ? a.outcome === b.outcome
            ? []
            : [...new Set([...a.rules, ...b.rules])]
          : validationRules
              .map((d) => d.rule)
              .filter(
                (r) =>
                  (a.outcome as ReadonlySet<string>).has(r) !== (b.outcome as ReadonlySet<string>).has(r),
              );
        for (const rule of rules)
          for (const field of fields) {
            const cell = cells.get(key(rule, field));
            if (cell && !cell.pair) cell.pair = [a.id, b.id];
          }
      }
    }
  }
  return [...cells.values()];
}

const mark = (c: Cell | undefined) => (c === undefined ? '' : c.pair ? '✓' : '**gap**');

/** The Markdown tables for conformance/README.md. */
export function renderFieldRuleTable(cells: readonly Cell[]): string {
  const resolverRules = [...new Set(cells.filter((c) => c.kind === 'resolver').map((c) => c.rule))].sort(
    (a, b) => Number(a.slice(1)) - Number(b.slice(1)),
  );
  const find = (rule: string, field: string) => cells.find((c) => c.rule === rule && c.field === field);
  const lines = [
    `| Statement field | ${resolverRules.join(' | ')} |`,
    `| --- |${resolverRules.map(() => ' :-: |').join('')}`,
  ];
  for (const field of statementFields) {
    const row = resolverRules.map((r) => mark(find(r, field)));
    if (row.every((m) => m === '')) continue;
    lines.push(`| \`${field}\` | ${row.join(' | ')} |`);
  }
  lines.push(
    '',
    '| validation rule | fields it depends on (✓ varied alone by a minimal pair) |',
    '| --- | --- |',
  );
  const validation = cells.filter((c) => c.kind === 'validation');
  for (const rule of [...new Set(validation.map((c) => c.rule))]) {
    const own = validation.filter((c) => c.rule === rule);
    lines.push(`| \`${rule}\` | ${own.map((c) => `\`${c.field}\` ${mark(c)}`).join(', ')} |`);
  }
  const gaps = cells.filter((c) => !c.pair).length;
  lines.push('', `${cells.length} (rule, field) pairs; ${gaps} gap${gaps === 1 ? '' : 's'}.`);
  return `${lines.join('\n')}\n`;
}
