import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * The HTTP operation × concern matrix (issue 11 item 3), derived from spec/v1/openapi.yaml and the
 * scenario files: which concern each operation is tried for. Rows come from the OpenAPI document, so an
 * operation added to the contract shows up here, with its gaps, without anyone listing it.
 */

export const concerns = {
  'no-token': 'a request without a token is refused (401)',
  'other-school': "another school's token, or another school in the path, is refused (403/404)",
  'if-match': 'If-Match absent or stale',
  'idempotency-reuse': 'one Idempotency-Key sent twice',
  'response-schema': 'a response checked against its published schema',
  'whole-body': 'a read-back compared with a whole captured body',
} as const;
export type Concern = keyof typeof concerns;

interface Operation {
  id: string;
  tag: string;
  method: string;
  template: string;
  pattern: RegExp;
  applies: Set<Concern>;
}

interface Step {
  request?: { method?: string; path?: string; token?: string; headers?: Record<string, string> };
  expect?: { status?: number[]; schema?: string; sameBodyAs?: string; equals?: unknown };
}
interface Test extends Step {
  setup?: Step[];
  followUp?: Step[];
}

const refName = (p: { $ref?: string; name?: string }) => p.$ref?.split('/').at(-1) ?? p.name ?? '';

export function operationsOf(root: string): Operation[] {
  const doc = parse(readFileSync(join(root, 'spec/v1/openapi.yaml'), 'utf8')) as {
    security?: unknown[];
    paths: Record<string, Record<string, unknown>>;
  };
  const out: Operation[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    const shared = ((item.parameters ?? []) as { $ref?: string }[]).map(refName);
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = item[method] as
        | { operationId: string; tags?: string[]; security?: unknown[]; parameters?: { $ref?: string }[] }
        | undefined;
      if (!op) continue;
      const params = [...shared, ...(op.parameters ?? []).map(refName)];
      const secured = (op.security ?? doc.security ?? []).length > 0 && !(op.security?.length === 0);
      const applies = new Set<Concern>(['response-schema']);
      if (secured) applies.add('no-token');
      if (template.includes('{urn}')) applies.add('other-school');
      if (params.includes('IfMatch')) applies.add('if-match');
      if (params.includes('IdempotencyKey')) applies.add('idempotency-reuse');
      if (method === 'get' && template.includes('{')) applies.add('whole-body');
      out.push({
        id: op.operationId,
        tag: op.tags?.[0] ?? '',
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`),
        applies,
      });
    }
  }
  return out;
}

function scenarioTests(root: string): Test[] {
  const base = join(root, 'conformance/scenarios/v1');
  const tests: Test[] = [];
  for (const profile of readdirSync(base))
    for (const level of readdirSync(join(base, profile)))
      for (const file of readdirSync(join(base, profile, level)).filter((f) => f.endsWith('.json')))
        for (const c of JSON.parse(readFileSync(join(base, profile, level, file), 'utf8')) as {
          tests: Test[];
        }[])
          tests.push(...c.tests);
  return tests;
}

/** A scenario path's reference to the other school (scenario paths hold `${…}` references). */
const OTHER_SCHOOL = ['$', '{otherSchool}'].join('');

/** The concerns one step tries for its operation. */
function concernsOf(step: Step, test: Test): Concern[] {
  const r = step.request!;
  const e = step.expect ?? {};
  const out: Concern[] = [];
  const status = e.status ?? [];
  if (r.token === 'none' && status.includes(401)) out.push('no-token');
  if ((r.token === 'other' || r.path?.includes(OTHER_SCHOOL)) && status.some((s) => s === 403 || s === 404))
    out.push('other-school');
  const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  if ('if-match' in headers || status.includes(428)) out.push('if-match');
  const key = headers['idempotency-key'];
  if (key !== undefined) {
    const all = [...(test.setup ?? []), test, ...(test.followUp ?? [])];
    const same = all.filter(
      (s) =>
        s.request &&
        Object.entries(s.request.headers ?? {}).some(
          ([k, v]) => k.toLowerCase() === 'idempotency-key' && v === key,
        ),
    );
    if (same.length > 1) out.push('idempotency-reuse');
  }
  if (e.schema) out.push('response-schema');
  if (e.sameBodyAs || e.equals !== undefined) out.push('whole-body');
  return out;
}

export interface MatrixCell {
  operation: string;
  concern: Concern;
  covered: boolean;
}

export function httpMatrix(root: string): { operations: Operation[]; cells: MatrixCell[] } {
  const operations = operationsOf(root);
  const covered = new Set<string>();
  for (const test of scenarioTests(root)) {
    for (const step of [...(test.setup ?? []), test, ...(test.followUp ?? [])]) {
      const r = step.request;
      if (!r?.path || !r.method) continue;
      const path = r.path.split('?')[0]!.replace(/\$\{[^}]+\}/g, 'x');
      const op = operations.find((o) => o.method === r.method!.toUpperCase() && o.pattern.test(path));
      if (!op) continue;
      for (const concern of concernsOf(step, test)) covered.add(`${op.id} ${concern}`);
    }
  }
  const cells = operations.flatMap((o) =>
    [...o.applies].map((concern) => ({
      operation: o.id,
      concern,
      covered: covered.has(`${o.id} ${concern}`),
    })),
  );
  return { operations, cells };
}

export function renderHttpMatrix({ operations, cells }: ReturnType<typeof httpMatrix>): string {
  const names = Object.keys(concerns) as Concern[];
  const lines = [`| operation | ${names.join(' | ')} |`, `| --- |${names.map(() => ' :-: |').join('')}`];
  for (const o of operations) {
    const row = names.map((n) => {
      const cell = cells.find((c) => c.operation === o.id && c.concern === n);
      return cell === undefined ? '' : cell.covered ? '✓' : 'gap';
    });
    lines.push(`| \`${o.id}\` (${o.tag}: ${o.method} \`${o.template}\`) | ${row.join(' | ')} |`);
  }
  const gaps = cells.filter((c) => !c.covered).length;
  lines.push(
    '',
    `${operations.length} operations, ${cells.length} applicable (operation, concern) cells, ${cells.length - gaps} covered, ${gaps} gaps.`,
    '',
    ...names.map((n) => `- \`${n}\`: ${concerns[n]}`),
  );
  return `${lines.join('\n')}\n`;
}
