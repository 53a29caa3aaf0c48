import { createHash, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { ContractDocument, ContractOperation } from '../contract/document.js';
import { ContractObserver } from '../contract/observer.js';
import { type ContractViolation, mediaTypeOf } from '../contract/response-check.js';
import type { TestResult } from '../report/result.js';
import { type CaseContext, invalidRequests, listKey, type Planned, validRequests } from './cases.js';
import type { School } from './domain.js';
import { judge } from './oracle.js';
import { Pools } from './pools.js';
import { type Answer, curlCommand, type FuzzRequest, type FuzzTarget, send } from './request.js';

/**
 * The contract-fuzz profile: for every operation of openapi.yaml the target's profiles must serve,
 * property-based runs of valid and of invalid requests (fast-check, seeded), each response judged by
 * the oracle and checked against the contract; a failure is shrunk and reported as the curl command
 * that repeats it. Paths the contract has are also sent every method they do not (405 with Allow).
 */

export interface FuzzOptions {
  /** fast-check seed; the same seed against the same (fresh) server sends the same requests. */
  seed: number;
  /** How many requests to generate in all (valid and invalid, spread over the operations). */
  cases: number;
  /** The school the token may touch. */
  school: School;
  /** Where a distributor's statements are filed (a receiver intake and its token), to judge real histories. */
  intake?: { baseUrl: string; token: string };
  /** The profiles to fuzz; by default the ones the capability statement declares. */
  profiles?: string[];
}

export interface FuzzStats {
  seed: number;
  profiles: string[];
  operations: number;
  cases: number;
  valid: number;
  invalid: number;
  requests: number;
  /** How many answers of each status class (`2xx`, `4xx`...) the run got: how deep it reached. */
  statuses: Record<string, number>;
  durationMs: number;
}

export interface FuzzReport {
  results: TestResult[];
  stats: FuzzStats;
}

const CAPABILITIES = '/.well-known/reuse-preference';
const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH'];
const SECTION = '5 wire contract (openapi.yaml), contract fuzz';
/** Shrink steps tried per failing property (each sends a request or two). */
const SHRINK_BUDGET = 200;

export async function runContractFuzz(
  contract: ContractDocument,
  target: FuzzTarget,
  options: FuzzOptions,
): Promise<FuzzReport> {
  const started = performance.now();
  const observer = new ContractObserver(contract);
  const pools = new Pools();
  let requests = 0;
  const statuses: Record<string, number> = {};
  const nonce = randomUUID().slice(0, 8);
  let counter = 0;

  // What the server says it is: the profiles whose operations it must serve, and its limits.
  const capabilities = await send(target, {
    operationId: '',
    method: 'GET',
    path: CAPABILITIES,
    query: [],
    headers: {},
    token: 'none',
  });
  requests++;
  const declared = readJson(capabilities) as
    | { profiles?: string[]; limits?: { maxBatchBytes?: number } }
    | undefined;
  const profiles = options.profiles ?? declared?.profiles ?? [];
  if (profiles.length === 0) throw new Error(`${CAPABILITIES} declares no profiles, and none were given`);
  observer.observe(exchangeOf(capabilities, 'GET'), { by: 'capabilities', profiles });

  const ctx: CaseContext = {
    contract,
    pools,
    school: options.school,
    now: () => new Date(),
    otherSchool: target.otherSchoolToken !== undefined,
    ...(declared?.limits?.maxBatchBytes ? { limits: { maxBatchBytes: declared.limits.maxBatchBytes } } : {}),
    fresh: () => `fuzz-${nonce}-${++counter}`,
  };

  const exchange = async (
    to: FuzzTarget,
    request: FuzzRequest,
    by: string,
    serving: readonly string[],
  ): Promise<{ answer: Answer; violations: ContractViolation[] }> => {
    if (process.env.FUZZ_DEBUG)
      console.error(
        '  ->',
        request.method,
        request.path,
        JSON.stringify(request.headers),
        request.body?.text.slice(0, 120),
      );
    const answer = await send(to, request);
    if (process.env.FUZZ_DEBUG) console.error('  <-', answer.status, answer.body.slice(0, 160));
    requests++;
    const statusClass = `${String(answer.status)[0]}xx`;
    statuses[statusClass] = (statuses[statusClass] ?? 0) + 1;
    const violations = observer.observe(exchangeOf(answer, request.method), { by, profiles: serving });
    if (answer.status >= 200 && answer.status < 300) {
      const body = readJson(answer);
      if (body !== undefined) pools.harvest(listKey(request.operationId, request.path), body, answer.headers);
      else if (answer.headers.get('etag')) pools.harvest('', null, answer.headers);
    }
    return { answer, violations };
  };

  if (options.intake) await fileThroughIntake(contract, options.intake, ctx, exchange);

  // Writes first, so the reads that follow can name what the writes made.
  const operations = contract.operations
    .filter((op) => op.profiles.some((p) => profiles.includes(p)))
    .sort((a, b) => Number(a.method === 'GET') - Number(b.method === 'GET'));
  const perRun = Math.max(1, Math.ceil(options.cases / (operations.length * 2)));
  const results: TestResult[] = [];
  let valid = 0;
  let invalid = 0;

  for (const operation of operations) {
    for (const kind of ['valid', 'invalid'] as const) {
      const id = `contract-fuzz/${operation.operationId}/${kind}-requests`;
      let last: { request: FuzzRequest; failure: string } | undefined;
      // Made now, from what the server has said so far: the arbitrary is then fixed, so a failure shrinks
      // and replays deterministically.
      const requests = kind === 'valid' ? validRequests(ctx, operation) : invalidRequests(ctx, operation);
      let shrinking = 0;
      const property = fc.asyncProperty(requests, async (original) => {
        // Shrinking sends requests too: past a budget, the smallest failure found so far is the answer.
        if (last && ++shrinking > SHRINK_BUDGET) return true;
        // Each run gets its own copy: a run fills in headers (the ETag it read) as it goes.
        const planned = structuredClone(original);
        const judgedValid = kind === 'valid' || planned.mistake === 'none applicable';
        const failure = await runCase(operation, planned, judgedValid, id);
        if (failure) last = { request: planned.request, failure };
        return failure === undefined;
      });
      const t0 = performance.now();
      if (process.env.FUZZ_DEBUG) console.error('property', id);
      const outcome = await fc.check(property, {
        seed: derivedSeed(options.seed, id),
        numRuns: perRun,
        // A shrink step sends requests too: bounded, so a failing run still ends in reasonable time.
        endOnFailure: false,
        interruptAfterTimeLimit: 300_000,
      });
      const runs = outcome.numRuns;
      if (kind === 'valid') valid += runs;
      else invalid += runs;
      const base = {
        id,
        suite: 'contract-fuzz',
        section: SECTION,
        level: 'MUST' as const,
        description:
          kind === 'valid'
            ? `${operation.operationId}: valid requests are never refused for a reason openapi.yaml does not state, never 5xx, and every answer keeps the contract`
            : `${operation.operationId}: requests that break one rule of openapi.yaml are refused with a 4xx problem, never 5xx or accepted`,
        durationMs: performance.now() - t0,
      };
      if (!outcome.failed) results.push({ ...base, status: 'pass', message: `${runs} case(s)` });
      else {
        const shown = last ?? { request: undefined, failure: String(outcome.errorInstance ?? 'failed') };
        results.push({
          ...base,
          status: 'fail',
          message:
            `${shown.failure}\n    smallest failing request found (seed ${options.seed}, ${outcome.numShrinks} shrink(s)):\n    ` +
            (shown.request ? curlCommand(target, shown.request) : '(none)'),
        });
      }
    }
  }

  results.push(await probeMethods(operations));
  if (declared?.limits?.maxBatchBytes)
    results.push(await probeTooLarge(operations, declared.limits.maxBatchBytes));

  return {
    results: [...results, ...observer.results('contract')],
    stats: {
      seed: options.seed,
      profiles,
      operations: operations.length,
      cases: valid + invalid,
      valid,
      invalid,
      requests,
      statuses,
      durationMs: Math.round(performance.now() - started),
    },
  };

  /** One case: read first if planned, send, judge; a created resource must then be readable at its Location. */
  async function runCase(
    operation: ContractOperation,
    planned: Planned,
    judgedValid: boolean,
    by: string,
  ): Promise<string | undefined> {
    let basedOnCurrent = false;
    try {
      if (planned.readFirst) {
        const read = await exchange(target, planned.readFirst, by, profiles);
        const etag = read.answer.headers.get('etag');
        const names = new Map(
          operation.parameters.filter((p) => p.in === 'header').map((p) => [p.name.toLowerCase(), p.name]),
        );
        // A precondition the case already carries (an invalid case's broken one) is what is under test:
        // the read only fills in what the case left open.
        const carried = Object.keys(planned.request.headers).map((k) => k.toLowerCase());
        const open = !carried.includes('if-match') && !carried.includes('if-none-match');
        if (open && read.answer.status === 200 && etag && names.has('if-match')) {
          planned.request.headers[names.get('if-match')!] = etag;
          basedOnCurrent = true;
        } else if (open && read.answer.status === 404 && names.has('if-none-match')) {
          planned.request.headers[names.get('if-none-match')!] = '*';
          basedOnCurrent = true;
        }
      }
      const { answer, violations } = await exchange(target, planned.request, by, profiles);
      const verdict = judge(
        operation,
        { ...planned, basedOnCurrent },
        judgedValid,
        answer,
        violations,
        contract.problemBase,
      );
      if (verdict.failure) return verdict.failure;
      if (judgedValid && answer.status >= 200 && answer.status < 300) {
        harvestSent(planned.request);
        const location = answer.headers.get('location');
        if (location && answer.status === 201) return await followLocation(location, operation, by);
      }
      return undefined;
    } catch (error) {
      return `could not complete the exchange: ${(error as Error).message}`;
    }
  }

  /** What a request the server took holds (a statement's subject, say) now exists there too. */
  function harvestSent(request: FuzzRequest): void {
    if (!request.body || !/json/.test(request.body.mediaType)) return;
    for (const line of request.body.text.split('\n')) {
      try {
        pools.harvest('', JSON.parse(line), new Headers());
      } catch {
        // not a JSON line: nothing to keep
      }
    }
  }

  async function followLocation(
    location: string,
    operation: ContractOperation,
    by: string,
  ): Promise<string | undefined> {
    const url = new URL(location, target.baseUrl.endsWith('/') ? target.baseUrl : `${target.baseUrl}/`);
    const route = contract.route('GET', url.pathname);
    if (!route || !('operation' in route)) {
      return `${operation.operationId} answered 201 with Location ${location}, which no GET of the contract reads`;
    }
    const read: FuzzRequest = {
      operationId: route.operation.operationId,
      method: 'GET',
      path: url.pathname,
      query: [],
      headers: {},
      token: 'main',
    };
    const { answer, violations } = await exchange(target, read, by, profiles);
    if (violations.length > 0)
      return `reading the Location ${location}: ${violations[0]!.pointer} ${violations[0]!.message}`;
    if (answer.status !== 200) return `the 201's Location ${location} reads back ${answer.status}, not 200`;
    return undefined;
  }

  /**
   * One body past the largest the capability statement allows (`maxBatchBytes` + 1), per operation that
   * takes a body: refused with a 4xx problem (413), never read into memory and never 5xx. Once per
   * operation, not a random mistake: each is megabytes on the wire.
   */
  async function probeTooLarge(fuzzed: readonly ContractOperation[], limit: number): Promise<TestResult> {
    const t0 = performance.now();
    const failures: string[] = [];
    let sent = 0;
    for (const op of fuzzed.filter((o) => o.requestBody)) {
      const valid = fc.sample(validRequests(ctx, op), { numRuns: 1, seed: options.seed })[0]!;
      const request: FuzzRequest = {
        ...valid.request,
        body: { mediaType: valid.request.body?.mediaType ?? 'application/json', text: ' '.repeat(limit + 1) },
      };
      const by = 'contract-fuzz/too-large';
      const { answer, violations } = await exchange(target, request, by, profiles);
      sent++;
      const verdict = judge(
        op,
        { ...valid, request, vouched: [], mistake: `a body of maxBatchBytes + 1 = ${limit + 1} bytes` },
        false,
        answer,
        violations,
        contract.problemBase,
      );
      if (verdict.failure) failures.push(`${op.operationId}: ${verdict.failure}`);
    }
    return {
      id: 'contract-fuzz/too-large',
      suite: 'contract-fuzz',
      section: SECTION,
      level: 'MUST',
      description:
        "a body larger than the capability statement's maxBatchBytes is refused with a 4xx problem, never 5xx",
      durationMs: performance.now() - t0,
      ...(failures.length === 0
        ? { status: 'pass' as const, message: `${sent} request(s)` }
        : { status: 'fail' as const, message: failures.slice(0, 5).join('; ') }),
    };
  }

  async function probeMethods(fuzzed: readonly ContractOperation[]): Promise<TestResult> {
    const t0 = performance.now();
    const failures: string[] = [];
    let sent = 0;
    const paths = new Map<string, ContractOperation>();
    for (const op of fuzzed) if (!paths.has(op.path)) paths.set(op.path, op);
    for (const [template, op] of paths) {
      const declared = new Set(contract.operations.filter((o) => o.path === template).map((o) => o.method));
      const path = template.replace(/\{urn\}/g, options.school.urn).replace(/\{[^}]+\}/g, (m) => {
        const name = m.slice(1, -1);
        return encodeURIComponent(pools.all(name)[0] ?? '00000000-0000-4000-8000-000000000000');
      });
      for (const method of METHODS.filter((m) => !declared.has(m))) {
        const request: FuzzRequest = {
          operationId: op.operationId,
          method,
          path,
          query: [],
          headers: {},
          token: 'main',
        };
        const { answer, violations } = await exchange(target, request, 'contract-fuzz/methods', profiles);
        sent++;
        if (answer.status !== 405 && answer.status !== 404)
          failures.push(`${method} ${path}: ${answer.status}, want 405 with Allow`);
        else if (violations.length > 0) failures.push(`${method} ${path}: ${violations[0]!.message}`);
      }
    }
    return {
      id: 'contract-fuzz/methods',
      suite: 'contract-fuzz',
      section: SECTION,
      level: 'MUST',
      description:
        'a method a path does not have is 405 problem+json with an Allow header naming those it does',
      durationMs: performance.now() - t0,
      ...(failures.length === 0
        ? { status: 'pass' as const, message: `${sent} request(s)` }
        : { status: 'fail' as const, message: failures.slice(0, 5).join('; ') }),
    };
  }
}

/**
 * A distributor judges statements it does not take itself: file some through the intake first (valid
 * ones, at the school), so cohorts name pupils with real histories.
 */
async function fileThroughIntake(
  contract: ContractDocument,
  intake: { baseUrl: string; token: string },
  ctx: CaseContext,
  exchange: (
    to: FuzzTarget,
    request: FuzzRequest,
    by: string,
    serving: readonly string[],
  ) => Promise<{ answer: Answer; violations: ContractViolation[] }>,
): Promise<void> {
  const submit = contract.operations.find(
    (op) =>
      op.profiles.includes('receiver') &&
      op.method === 'POST' &&
      !op.parameters.some((p) => p.in === 'path') &&
      [...(op.requestBody?.content.values() ?? [])].some((m) =>
        JSON.stringify(m.schema).includes('statement.schema.json'),
      ),
  );
  if (!submit) return;
  const to = { baseUrl: intake.baseUrl, token: intake.token };
  await fc.assert(
    fc.asyncProperty(validRequests(ctx, submit), async ({ request }) => {
      const { answer } = await exchange(to, request, 'contract-fuzz/intake', ['receiver']);
      if (answer.status < 300 && request.body)
        ctx.pools.harvest('', JSON.parse(request.body.text), new Headers());
    }),
    { numRuns: 12, seed: 1 },
  );
}

function readJson(answer: Answer): unknown {
  if (!/json/.test(mediaTypeOf(answer.headers.get('content-type')))) return undefined;
  try {
    return JSON.parse(answer.body);
  } catch {
    return undefined;
  }
}

const exchangeOf = (answer: Answer, method: string) => ({
  method,
  path: answer.url.pathname,
  status: answer.status,
  headers: answer.headers,
  body: answer.body,
});

/** A seed per property, from the run's seed and the property's id: runs are independent and repeatable. */
function derivedSeed(seed: number, id: string): number {
  return (seed ^ createHash('sha256').update(id).digest().readInt32BE(0)) | 0;
}
