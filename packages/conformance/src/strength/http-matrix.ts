import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type ContractDocument, type ContractOperation, loadContract } from '../contract/document.js';
import type { JsonSchema } from '../contract/published-schemas.js';
import type { ScenarioCase, ScenarioStep, ScenarioTest } from '../scenarios/types.js';

/**
 * The HTTP operation × concern matrix (issue 11 item 3), derived from spec/v1/openapi.yaml and the
 * scenario files: which concern each operation is tried for, in every profile that must serve it. Rows
 * and the concerns that apply to each come from the OpenAPI document (security, parameters, request
 * body schemas), never from a list of operation ids, so an operation added to the contract shows up
 * here with its gaps without anyone listing it.
 */

export const concerns = {
  'no-token': 'a request without a token is refused (401)',
  'other-school-token':
    "a token for another school is refused (403/404; a batch record outside the token's schools: `school-not-in-scope`), reads and writes",
  'body-school': 'a body naming another school than the path is refused (422 `setting-urn-mismatch`)',
  'if-match-absent': 'neither `If-Match` nor `If-None-Match: *` is `428`',
  'if-match-stale': 'a stale `If-Match` is `412`',
  'if-match-star':
    '`If-Match: *` is accepted when something exists, and a wildcard that does not hold is `412` (`If-Match: *` on nothing, `If-None-Match: *` on something)',
  'idempotency-reuse':
    'one `Idempotency-Key` sent twice: the same body replays the first response whole, another body is refused',
  'id-conflict':
    'the same statement id with other content is refused (409; in a batch `statement-id-conflict`)',
  'query-receipt': 'a statement with only query findings is accepted, its queries named in the receipt',
  'response-schema': 'a response checked against its published schema',
  'whole-body':
    'a read compared whole, as canonical JSON (RFC 8785), with what was sent or a captured body (`equals`, `sameBodyAs`)',
} as const;
export type Concern = keyof typeof concerns;

export interface MatrixOperation {
  id: string;
  tag: string;
  method: string;
  template: string;
  /** Profiles whose servers must serve it; a cell is covered only when each of them tries it. */
  profiles: string[];
  applies: Set<Concern>;
}

const header = (op: ContractOperation, name: string) =>
  op.parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === name);

const refOf = (schema: JsonSchema | undefined) =>
  typeof schema === 'object' && typeof schema.$ref === 'string' ? schema.$ref : undefined;

/** The schemas a request body holds: the body's own, and each item's for a sequence such as NDJSON. */
function bodySchemas(op: ContractOperation): JsonSchema[] {
  return [...(op.requestBody?.content.values() ?? [])].flatMap((m) => [
    m.schema,
    ...(m.itemSchema ? [m.itemSchema] : []),
  ]);
}

/** Where a body schema names a school: a top-level `urn`, or `urn` one object down (`setting.urn`). */
function namesSchool(contract: ContractDocument, schema: JsonSchema): boolean {
  const ref = refOf(schema);
  const resolved = (ref ? contract.schemas.byId(ref) : schema) as
    | { properties?: Record<string, { properties?: Record<string, unknown> }> }
    | undefined;
  const props = resolved?.properties ?? {};
  return 'urn' in props || Object.values(props).some((p) => 'urn' in (p?.properties ?? {}));
}

export function operationsOf(contract: ContractDocument, tags: Map<string, string>): MatrixOperation[] {
  const statement = `${contract.schemas.base}statement.schema.json`;
  return contract.operations.map((op) => {
    const schemas = bodySchemas(op);
    const takesStatements = schemas.some((s) => refOf(s) === statement);
    const bodySchool = schemas.some((s) => namesSchool(contract, s));
    const pathSchool = op.parameters.some((p) => p.in === 'path' && p.component === 'Urn');
    const secured = op.scopes.length > 0;
    const applies = new Set<Concern>(['response-schema']);
    if (secured) applies.add('no-token');
    if (secured && (pathSchool || bodySchool)) applies.add('other-school-token');
    if (pathSchool && bodySchool) applies.add('body-school');
    if (header(op, 'if-match')) {
      applies.add('if-match-absent');
      applies.add('if-match-stale');
      applies.add('if-match-star');
    }
    if (header(op, 'idempotency-key')) applies.add('idempotency-reuse');
    if (takesStatements) {
      applies.add('id-conflict');
      applies.add('query-receipt');
    }
    // A read of something named in its path: what it returns can be compared whole.
    if (op.method === 'GET' && op.parameters.some((p) => p.in === 'path')) applies.add('whole-body');
    return {
      id: op.operationId,
      tag: tags.get(op.operationId) ?? '',
      method: op.method,
      template: op.path,
      profiles: op.profiles,
      applies,
    };
  });
}

/** Each operation's first tag, which names its group in the table (the contract model keeps profiles). */
function firstTags(root: string): Map<string, string> {
  const doc = parse(readFileSync(join(root, 'spec/v1/openapi.yaml'), 'utf8')) as {
    paths: Record<string, Record<string, { operationId?: string; tags?: string[] }>>;
  };
  const out = new Map<string, string>();
  for (const item of Object.values(doc.paths))
    for (const op of Object.values(item))
      if (typeof op === 'object' && op?.operationId) out.set(op.operationId, op.tags?.[0] ?? '');
  return out;
}

interface ProfileTest {
  profile: string;
  test: ScenarioTest;
}

function scenarioTests(root: string): ProfileTest[] {
  const base = join(root, 'conformance/scenarios/v1');
  const out: ProfileTest[] = [];
  for (const profile of readdirSync(base))
    for (const level of readdirSync(join(base, profile)))
      for (const file of readdirSync(join(base, profile, level)).filter((f) => f.endsWith('.json')))
        for (const c of JSON.parse(readFileSync(join(base, profile, level, file), 'utf8')) as ScenarioCase[])
          for (const test of c.tests) out.push({ profile, test });
  return out;
}

const lower = (headers: Record<string, string> | undefined) =>
  Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));

const only = (status: number[], allowed: (s: number) => boolean) =>
  status.length > 0 && status.every(allowed);

/**
 * A whole expected value: an object or array written out, or a `${name}` standing for a whole statement
 * sent or body captured; `${s.id}` names a member of one, which is a subset.
 */
const wholeValue = (v: unknown) =>
  (typeof v === 'object' && v !== null) || (typeof v === 'string' && /^\$\{[^}.]+\}$/.test(v));

/**
 * The concerns one step tries for its operation. Some concerns have two forms (If-Match: *, key reuse):
 * a step reports the form it tries (`if-match-star:refused`), and a cell needs every form.
 */
function concernsOf(step: ScenarioStep, steps: ScenarioStep[], index: number): string[] {
  const r = step.request!;
  const e = step.expect;
  const status = e?.status ?? [];
  const rules = e?.rules ?? [];
  const headers = lower(r.headers);
  const out: string[] = [];
  if (r.token === 'none' && only(status, (s) => s === 401)) out.push('no-token');
  if (
    r.token === 'other' &&
    (only(status, (s) => s === 403 || s === 404) ||
      (only(status, (s) => s === 403 || s === 422) && rules.includes('school-not-in-scope')))
  )
    out.push('other-school-token');
  if (rules.includes('setting-urn-mismatch') && only(status, (s) => s === 422)) out.push('body-school');
  const ifMatch = headers['if-match'];
  if (ifMatch === undefined && headers['if-none-match'] === undefined && only(status, (s) => s === 428))
    out.push('if-match-absent');
  if (ifMatch !== undefined && ifMatch !== '*' && only(status, (s) => s === 412)) out.push('if-match-stale');
  // A wildcard that does not hold: If-Match: * on nothing, or If-None-Match: * on something.
  const wildcard = ifMatch === '*' || (ifMatch === undefined && headers['if-none-match'] === '*');
  if (wildcard && only(status, (s) => s === 412)) out.push('if-match-star:refused');
  if (ifMatch === '*' && only(status, (s) => s >= 200 && s < 300)) out.push('if-match-star:accepted');
  const key = headers['idempotency-key'];
  const reused =
    key !== undefined &&
    steps.slice(0, index).some((s) => s.request && lower(s.request.headers)['idempotency-key'] === key);
  if (reused && e?.sameBodyAs) out.push('idempotency-reuse:replayed');
  if (reused && only(status, (s) => s === 409 || s === 422)) out.push('idempotency-reuse:refused');
  if (!reused && (only(status, (s) => s === 409) || rules.includes('statement-id-conflict')))
    out.push('id-conflict');
  if (only(status, (s) => s >= 200 && s < 300) && rules.length > 0) out.push('query-receipt');
  if (e?.schema) out.push('response-schema');
  if (e?.sameBodyAs || Object.values(e?.equals ?? {}).some(wholeValue)) out.push('whole-body');
  return out;
}

/** The forms a cell needs before it counts as covered (one, the concern itself, unless listed). */
const forms: Partial<Record<Concern, string[]>> = {
  'if-match-star': ['if-match-star:refused', 'if-match-star:accepted'],
  'idempotency-reuse': ['idempotency-reuse:replayed', 'idempotency-reuse:refused'],
};

export interface MatrixCell {
  operation: string;
  concern: Concern;
  covered: boolean;
  /** Profiles that must serve the operation and do not try this concern yet. */
  missing: string[];
}

export function httpMatrix(root: string): { operations: MatrixOperation[]; cells: MatrixCell[] } {
  const contract = loadContract(root);
  const operations = operationsOf(contract, firstTags(root));
  const tried = new Set<string>();
  for (const { profile, test } of scenarioTests(root)) {
    const steps = [...(test.setup ?? []), test, ...(test.followUp ?? [])];
    for (const [index, step] of steps.entries()) {
      // A step sent to a distributor's intake is setup, not something the profile is judged on.
      if (step.request?.via) continue;
      const method = step.pageThrough ? 'GET' : step.request?.method.toUpperCase();
      const path = step.pageThrough?.path ?? step.request?.path;
      if (!method || !path) continue;
      const route = contract.route(method, path.split('?')[0]!.replace(/\$\{[^}]+\}/g, 'x'));
      if (!route || !('operation' in route)) continue;
      // Paging through a list tries one concern: each item sent read back whole (expectItems).
      const found = step.pageThrough
        ? step.expectItems?.length
          ? ['whole-body']
          : []
        : concernsOf(step, steps, index);
      for (const c of found) tried.add(`${profile} ${route.operation.operationId} ${c}`);
    }
  }
  const cells = operations.flatMap((o) =>
    [...o.applies].map((concern) => {
      const missing = o.profiles.filter((p) =>
        (forms[concern] ?? [concern]).some((f) => !tried.has(`${p} ${o.id} ${f}`)),
      );
      return { operation: o.id, concern, covered: missing.length === 0, missing };
    }),
  );
  return { operations, cells };
}

export function renderHttpMatrix({ operations, cells }: ReturnType<typeof httpMatrix>): string {
  const names = Object.keys(concerns) as Concern[];
  const lines = [`| operation | ${names.join(' | ')} |`, `| --- |${names.map(() => ' :-: |').join('')}`];
  for (const o of operations) {
    const row = names.map((n) => {
      const cell = cells.find((c) => c.operation === o.id && c.concern === n);
      if (cell === undefined) return '';
      if (cell.covered) return '✓';
      return cell.missing.length === o.profiles.length ? 'gap' : `gap: ${cell.missing.join(', ')}`;
    });
    lines.push(
      `| \`${o.id}\` (${o.tag}: ${o.method} \`${o.template}\`; ${o.profiles.join(', ')}) | ${row.join(' | ')} |`,
    );
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
