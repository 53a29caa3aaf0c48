import type { ContractObserver } from '../contract/observer.js';
import { FaultSession, FaultUnsupported, lastingFaultsLast } from '../faults/step.js';
import type { TestResult } from '../report/result.js';
import {
  DISTRIBUTOR_FEATURE_OPTIONS,
  distributorFeatures,
  registerDocumentProblems,
} from './distributor-features.js';
import { difference, matches, pointer, pointerAll, rulesIn, sameJson } from './match.js';
import type { SchemaCheck } from './schemas.js';
import { type RunSigner, runSigner, signFixtures, verifySignatureProblem } from './signing.js';
import { Scope } from './template.js';
import type {
  ExpectSame,
  ScenarioCase,
  ScenarioExpect,
  ScenarioRequest,
  ScenarioStep,
  ScenarioTarget,
} from './types.js';
import { verifyLogProblem, verifyReceiptProblem } from './verify-log.js';
import { withoutServerChoices } from './whole-body.js';

class StepFailure extends Error {}

interface Got {
  status: number;
  headers: Headers;
  body: unknown;
}

/** Who checks every response against openapi.yaml, and what to call the test that is running. */
interface Watch {
  contract?: ContractObserver;
  profile?: string;
  test: string;
  /** Signs the fixture statements a body carries, as the run and each directive say. */
  signer: RunSigner;
  /** Hands the test's fault steps to the run's fault hook. */
  faults: FaultSession;
}

async function send(target: ScenarioTarget, scope: Scope, r: ScenarioRequest, watch: Watch): Promise<Got> {
  const headers = new Headers();
  for (const [k, v] of Object.entries(r.headers ?? {})) headers.set(k, scope.text(v));
  const token = r.token ?? (r.via === 'intake' ? 'intake' : 'main');
  const bearer = {
    main: target.token,
    other: target.otherSchoolToken,
    intake: target.intake?.token,
    family: target.family?.token,
    none: undefined,
  }[token];
  if (bearer !== undefined) headers.set('authorization', `Bearer ${bearer}`);
  let body: string | undefined;
  if (r.json !== undefined) {
    body = JSON.stringify(await signFixtures(scope.expand(r.json), scope, watch.signer));
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  } else if (r.ndjson) {
    const lines = (await signFixtures(scope.expand(r.ndjson), scope, watch.signer)) as unknown[];
    body = `${lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`;
    if (!headers.has('content-type')) headers.set('content-type', 'application/x-ndjson');
  } else if (r.raw !== undefined) body = scope.text(r.raw);
  const base = r.via === 'intake' ? target.intake!.baseUrl : target.baseUrl;
  const url = new URL(scope.text(r.path).replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`);
  const signal = watch.faults.signal();
  const res = await watch.faults.send(() =>
    (target.fetch ?? fetch)(url, {
      method: r.method,
      headers,
      ...(body !== undefined ? { body } : {}),
      ...(signal ? { signal } : {}),
    }),
  );
  const text = await res.text();
  watch.contract?.observe(
    { method: r.method, path: url.pathname, status: res.status, headers: res.headers, body: text },
    {
      by: watch.test,
      ...(r.via === 'intake'
        ? { profiles: ['receiver'] }
        : watch.profile
          ? { profiles: [watch.profile] }
          : {}),
    },
  );
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON: kept as text for the message
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

function check(what: string, got: Got, e: ScenarioExpect, scope: Scope, schemas: SchemaCheck): void {
  const fail = (m: string) => {
    throw new StepFailure(`${what}: ${m}`);
  };
  if (!e.status.includes(got.status)) {
    fail(
      `status ${got.status}, want ${e.status.join(' or ')} (body ${JSON.stringify(got.body)?.slice(0, 300)})`,
    );
  }
  if (e.contentType) {
    const ct = (got.headers.get('content-type') ?? '').split(';')[0]!.trim();
    if (ct !== e.contentType) fail(`content-type ${ct || '(none)'}, want ${e.contentType}`);
  }
  if (e.schema) {
    const why = schemas(e.schema, got.body);
    if (why) fail(why);
  }
  if (e.rules) {
    const found = rulesIn(got.body);
    const missing = e.rules.filter((r) => !found.has(r));
    if (missing.length)
      fail(`rule(s) ${missing.join(', ')} not reported (got ${[...found].join(', ') || 'none'})`);
  }
  if (e.body !== undefined && !matches(got.body, scope.expand(e.body))) {
    fail(
      `body ${JSON.stringify(got.body)?.slice(0, 300)} does not match ${JSON.stringify(scope.expand(e.body)).slice(0, 300)}`,
    );
  }
  for (const [name, want] of Object.entries(e.headers ?? {})) {
    const have = got.headers.get(name);
    if (have === null) fail(`header ${name} missing`);
    if (want !== '*' && have !== scope.text(want))
      fail(`header ${name} is ${have}, want ${scope.text(want)}`);
  }
  if (e.accounted) {
    const { lists, omitted, total } = e.accounted;
    const found = pointerAll(got.body, lists);
    const listed = found.reduce<number>((n, v) => n + (Array.isArray(v) ? v.length : 0), 0);
    const left = pointer(got.body, omitted) ?? 0;
    if (typeof left !== 'number') fail(`${omitted} is not a number`);
    else if (found.length === 0 || found.some((v) => !Array.isArray(v))) fail(`${lists} are not all arrays`);
    else if (listed + left !== total)
      fail(`${listed} listed at ${lists} and ${left} at ${omitted}: ${listed + left}, want ${total}`);
  }
  for (const [ptr, want] of Object.entries(e.lengths ?? {})) {
    const v = pointer(got.body, ptr);
    if (!Array.isArray(v)) fail(`${ptr || 'body'} is not an array`);
    else if (v.length !== want) fail(`${ptr || 'body'} has ${v.length} item(s), want ${want}`);
  }
  if (e.sameBodyAs && !sameJson(got.body, scope.lookup(e.sameBodyAs))) {
    fail(
      `body differs from the captured ${e.sameBodyAs}: ${difference(got.body, scope.lookup(e.sameBodyAs))}`,
    );
  }
  for (const [ptr, want] of Object.entries(e.equals ?? {})) {
    const chosen = {
      ...(e.except ? { except: e.except } : {}),
      ...(e.anyOrder ? { anyOrder: e.anyOrder } : {}),
    };
    const expected = withoutServerChoices(scope.expand(want), ptr, chosen);
    const have = withoutServerChoices(pointer(got.body, ptr), ptr, chosen);
    if (!sameJson(have, expected))
      fail(`${ptr || 'body'} is not what was expected: ${difference(have, expected)}`);
  }
  for (const [ptr, unwanted] of Object.entries(e.absent ?? {})) {
    const there = pointer(got.body, ptr);
    if (there === undefined) continue;
    if (unwanted === null) fail(`${ptr} is there and must not be`);
    const partial = scope.expand(unwanted);
    const found = (Array.isArray(there) ? there : [there]).find((v) => matches(v, partial));
    if (found !== undefined)
      fail(`${ptr} holds ${JSON.stringify(found).slice(0, 200)}, which must not be there`);
  }
  const why = registerDocumentProblems(got, e, scope);
  if (why) fail(why);
}

async function pageThrough(
  target: ScenarioTarget,
  scope: Scope,
  step: ScenarioStep,
  schemas: SchemaCheck,
  watch: Watch,
): Promise<void> {
  const p = step.pageThrough!;
  const idOf = (v: unknown) => String((v as { id?: unknown } | undefined)?.id);
  const seen: unknown[] = [];
  let cursor = p.from ? String(scope.lookup(p.from.replace(/^\$\{|\}$/g, ''))) : undefined;
  let ended = false;
  for (let page = 0; page < (p.maxPages ?? 1000); page++) {
    const query = p.query ? `&${scope.text(p.query)}` : '';
    const path = `${scope.text(p.path)}?limit=${p.limit}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const got = await send(target, scope, { method: 'GET', path }, watch);
    if (got.status !== 200) throw new StepFailure(`page ${page + 1} of ${p.path}: status ${got.status}`);
    const why = p.schema ? schemas(p.schema, got.body) : undefined;
    if (why) throw new StepFailure(`page ${page + 1} of ${p.path}: ${why}`);
    const body = got.body as { nextCursor?: string | null; hasMore?: boolean };
    const items = pointer(got.body, p.items ?? '/changes');
    const elements = Array.isArray(items) ? items : [];
    // The limit is the most a page may hold (openapi.yaml Limit: "the server may return fewer").
    if (elements.length > p.limit)
      throw new StepFailure(`page ${page + 1} of ${p.path} holds ${elements.length}, over limit=${p.limit}`);
    for (const element of elements) {
      const value = pointer(element, p.item ?? '/statement');
      // Checked as the walk goes: a list that sends the client back over what it gave never ends.
      if (p.distinct && seen.some((v) => idOf(v) === idOf(value)))
        throw new StepFailure(`${p.path} repeated ${idOf(value)} (page ${page + 1})`);
      seen.push(value);
    }
    // An empty page that sends the client back where it was is a list that never ends.
    if (
      p.ends &&
      elements.length === 0 &&
      cursor !== undefined &&
      body.nextCursor === cursor &&
      body.hasMore === undefined
    )
      throw new StepFailure(`page ${page + 1} of ${p.path} is empty and its nextCursor does not move on`);
    if (typeof body.nextCursor === 'string') cursor = body.nextCursor;
    // A change feed says hasMore (its nextCursor is where to poll next); other lists end at a null cursor.
    if (!(body.hasMore ?? typeof body.nextCursor === 'string')) {
      ended = true;
      break;
    }
  }
  if (p.ends && !ended) throw new StepFailure(`${p.path} did not end within ${p.maxPages ?? 1000} pages`);
  for (const [name, what] of Object.entries(step.capture ?? {}))
    scope.values.set(name, what === 'items' ? seen : cursor);
  const ids = seen.map(idOf);
  if (p.minItems !== undefined && seen.length < p.minItems)
    throw new StepFailure(`${p.path} gave ${seen.length} item(s), want at least ${p.minItems}`);
  if (step.expectSame) sameAsCaptured(p.path, seen, step.expectSame, scope);
  const want = step.expectItems
    ? (scope.expand(step.expectItems) as unknown[])
    : (step.expectIds ?? []).map((id) => ({ id: scope.text(id) }));
  let previous = -1;
  for (const value of want) {
    const id = idOf(value);
    const count = ids.filter((s) => s === id).length;
    if (count === 0) throw new StepFailure(`${p.path} skipped ${id}`);
    if (count > 1) throw new StepFailure(`${p.path} repeated ${id} ${count} times`);
    const at = ids.indexOf(id);
    if (at < previous) throw new StepFailure(`${p.path} gave ${id} out of order`);
    previous = at;
    if (step.expectItems && !sameJson(seen[at], value))
      throw new StepFailure(`${p.path}: ${id} is not what was sent: ${difference(seen[at], value)}`);
  }
}

/** A walk's elements against a captured list narrowed by `where`: the same values, whole, in order. */
function sameAsCaptured(path: string, seen: unknown[], e: ExpectSame, scope: Scope): void {
  const captured = scope.lookup(e.items.replace(/^\$\{|\}$/g, ''));
  if (!Array.isArray(captured)) throw new StepFailure(`${e.items} is not a captured list`);
  const where = Object.entries(e.where ?? {});
  const want = captured.filter((v) => where.every(([ptr, value]) => sameJson(pointer(v, ptr), value)));
  if (!sameJson(seen, want))
    throw new StepFailure(
      `${path} is not ${e.items}${where.length ? ' narrowed' : ''}: ${difference(seen, want)}`,
    );
}

async function runStep(
  target: ScenarioTarget,
  scope: Scope,
  step: ScenarioStep,
  what: string,
  schemas: SchemaCheck,
  watch: Watch,
) {
  if (step.fault) return watch.faults.cause(step.fault);
  if (step.pageThrough) return pageThrough(target, scope, step, schemas, watch);
  if (step.verifySignature) {
    const problem = await verifySignatureProblem(step.verifySignature, scope, watch.signer);
    if (problem) throw new StepFailure(`${what}: ${problem}`);
    return;
  }
  if (step.verifyLog || step.verifyReceipt) {
    const get = (path: string) => send(target, scope, { method: 'GET', path, token: 'none' }, watch);
    const leaves = (start: number, limit: number) =>
      get(`/register/log/leaves?start=${start}&limit=${limit}`);
    const problem = step.verifyLog
      ? await verifyLogProblem(step.verifyLog, scope, leaves, (first, second) =>
          get(`/register/log/consistency?first=${first}&second=${second}`),
        )
      : await verifyReceiptProblem(step.verifyReceipt!, scope, leaves);
    if (problem) throw new StepFailure(`${what}: ${problem}`);
    return;
  }
  const got = await send(target, scope, step.request!, watch);
  if (step.expect) check(what, got, step.expect, scope, schemas);
  for (const [name, from] of Object.entries(step.capture ?? {})) {
    if (from === 'body') scope.values.set(name, got.body);
    else if (from.startsWith('header:')) scope.values.set(name, got.headers.get(from.slice(7)) ?? '');
    else if (from.startsWith('body:')) scope.values.set(name, pointer(got.body, from.slice(5)));
  }
}

/** What else a scenario run does with the responses it sees. */
export interface ScenarioRunOptions {
  /** Checks every response against openapi.yaml; its results are added to the run's (one per operation). */
  contract?: ContractObserver;
  /** The profile the target plays, so a response is judged only against the operations it must serve. */
  profile?: string;
}

/**
 * Runs each scenario test against a live service: setup, the request under test, then follow-up checks.
 * With a contract observer, every response any step sees is also checked against openapi.yaml.
 */
export async function runScenarios(
  cases: readonly ScenarioCase[],
  target: ScenarioTarget,
  schemas: SchemaCheck,
  suite: string,
  options: ScenarioRunOptions = {},
): Promise<TestResult[]> {
  const results: TestResult[] = [];
  const given: Record<string, boolean> = {
    otherSchoolToken: target.otherSchoolToken !== undefined,
    intake: target.intake !== undefined,
    signs: target.signs === true,
    signingKey: target.signingKey !== undefined,
    // A receiver trusting that key runs one policy: the cases of the other are not its behaviour.
    requireSignature: target.signingKey !== undefined && target.signaturePolicy !== 'verify',
    verifySignatures: target.signingKey !== undefined && target.signaturePolicy === 'verify',
    onwardShares: target.onwardShares === true,
    faults: target.faults !== undefined,
    ...distributorFeatures(target),
  };
  const signer = await runSigner(target);
  const subject = (target.template.subject ?? {}) as { upn?: string };
  // A case that leaves the service refusing (a log rewritten under it) runs after every other.
  for (const c of lastingFaultsLast(cases)) {
    const missing = (c.requires ?? []).filter((r) => !given[r]);
    for (const t of c.tests) {
      const base = {
        id: `${c.id}/${t.id}`,
        suite,
        section: c.section,
        level: c.level,
        description: t.description,
      };
      // Signing is optional (signatures.md 8: most suppliers do not sign yet), and so is a relay's log
      // seeded before the run: a service that does not claim a feature has its cases skipped with the
      // reason, not failed; the report still lists them.
      if (missing.length && missing.every((m) => OPTIONAL_FEATURES.has(m))) {
        results.push({
          ...base,
          status: 'skipped',
          message: `optional feature not claimed: run with --${missing.map(kebab).join(', --')} if the service has it`,
          durationMs: 0,
        });
        continue;
      }
      if (missing.length) {
        results.push({
          ...base,
          status: 'unsupported',
          message: `needs --${missing.map(kebab).join(', --')}`,
          durationMs: 0,
        });
        continue;
      }
      const started = performance.now();
      const watch: Watch = {
        test: base.id,
        signer,
        faults: new FaultSession(target.faults),
        ...(options.contract ? { contract: options.contract } : {}),
        ...(options.profile ? { profile: options.profile } : {}),
      };
      const scope = new Scope(target.template, {
        school: target.school.urn,
        laEstab: target.school.laEstab,
        pupil: subject.upn ?? '',
        // The kid the run signs fixtures with: a receiver records it as the signer of what it verified.
        signerKid: signer.key.kid,
        familyPupil: target.family?.pupil ?? '',
      });
      try {
        for (const [i, s] of (t.setup ?? []).entries())
          await runStep(target, scope, s, `setup step ${i + 1}`, schemas, watch);
        await runStep(target, scope, t, 'request', schemas, watch);
        for (const [i, s] of (t.followUp ?? []).entries())
          await runStep(target, scope, s, `follow-up ${i + 1}`, schemas, watch);
        await watch.faults.end();
        results.push({ ...base, status: 'pass', durationMs: performance.now() - started });
      } catch (e) {
        // The store is made to answer again before the next test, whatever happened in this one.
        await watch.faults.end().catch(() => undefined);
        if (e instanceof FaultUnsupported) {
          results.push({ ...base, status: 'skipped', message: e.message, durationMs: 0 });
          continue;
        }
        const status = e instanceof StepFailure ? 'fail' : 'errored';
        results.push({
          ...base,
          status,
          message: (e as Error).message,
          durationMs: performance.now() - started,
        });
      }
    }
  }
  return options.contract ? [...results, ...options.contract.results('contract')] : results;
}

// What to pass for each `requires` entry, in the words of the CLI.
const options: Record<string, string> = {
  intake: 'intake-token',
  signingKey: 'signing-key',
  requireSignature: 'signing-key (policy require-signature)',
  verifySignatures: 'signing-key --signature-policy verify',
  faults: 'fault-command',
  ...DISTRIBUTOR_FEATURE_OPTIONS,
};
const OPTIONAL_FEATURES = new Set([
  'signs',
  'signingKey',
  'requireSignature',
  'verifySignatures',
  'onwardShares',
  'faults',
  ...Object.keys(DISTRIBUTOR_FEATURE_OPTIONS),
]);
const kebab = (s: string) => options[s] ?? s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
