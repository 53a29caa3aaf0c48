import { problemTypeOf } from '@reuse-pref/contract';
import { ClientCredentials, type TokenProvider } from './auth.js';
import { type UploadOptions, uploadStatements } from './batches.js';
import type { ApiResponse, ContractCalls, RequestOptions } from './calls.js';
import { type ChangeFeedOptions, changeFeed } from './change-feed.js';
import { ReusePrefProblemError } from './errors.js';
import { items, pages } from './pages.js';
import {
  backoffDelay,
  mayRetry,
  parseRetryAfter,
  type RetryOptions,
  retryableStatuses,
  sleep,
} from './retry.js';
import { Transport } from './transport.js';
import type {
  HttpMethod,
  Operation,
  PagedPath,
  PathsWith,
  ProblemDetails,
  Statement,
  SuccessBody,
} from './types.js';

export interface ClientOptions {
  /** Base URL the contract's paths hang off, e.g. https://mis.example/reuse-pref/v1 */
  baseUrl: string;
  /** Client credentials, or any token provider; omit for public operations only. */
  auth?: TokenProvider;
  retry?: RetryOptions;
  /** Per-attempt timeout. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Injectable for deterministic tests of backoff. */
  random?: () => number;
  now?: () => number;
}

/** What every RequestOptions<O> is at run time, once the contract's types have done their work. */
interface LooseRequest {
  path?: Record<string, string>;
  query?: Record<string, unknown>;
  header?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal;
  timeoutMs?: number;
  idempotencyKey?: string | true;
}

const defaultRetry: Required<RetryOptions> = {
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
};

/** Typed access to every operation in spec/v1/openapi.yaml, addressed by method and path template. */
export class ReusePrefClient implements ContractCalls {
  readonly baseUrl: string;
  private readonly transport: Transport;
  private readonly retry: Required<RetryOptions>;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(private readonly options: ClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.transport = new Transport(
      options.fetch ?? ((...args) => globalThis.fetch(...args)),
      options.timeoutMs ?? 30_000,
    );
    this.retry = { ...defaultRetry, ...options.retry };
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    if (options.auth instanceof ClientCredentials) options.auth.bind(this.transport);
  }

  get<P extends PathsWith<'get'>>(path: P, init: RequestOptions<Operation<P, 'get'>>) {
    return this.request('get', path, init);
  }

  post<P extends PathsWith<'post'>>(path: P, init: RequestOptions<Operation<P, 'post'>>) {
    return this.request('post', path, init);
  }

  put<P extends PathsWith<'put'>>(path: P, init: RequestOptions<Operation<P, 'put'>>) {
    return this.request('put', path, init);
  }

  /** Every page of a cursor-paged list (statements, history, onward shares, register, ledger...). */
  pages<P extends PagedPath>(path: P, init: RequestOptions<Operation<P, 'get'>>) {
    return pages(this, path, init);
  }

  /** Every item of a cursor-paged list, across pages. */
  items<P extends PagedPath>(path: P, init: RequestOptions<Operation<P, 'get'>>) {
    return items(this, path, init);
  }

  /** A school's change feed; persist each entry's `cursor` to resume exactly after it. */
  changes(urn: string, options?: ChangeFeedOptions) {
    return changeFeed(this, urn, options);
  }

  /** Upload statements to the intake in NDJSON batches, yielding every record's outcome. */
  uploadStatements(statements: Iterable<Statement> | AsyncIterable<Statement>, options?: UploadOptions) {
    return uploadStatements(this, statements, options);
  }

  async request<M extends HttpMethod, P extends PathsWith<M>>(
    method: M,
    path: P,
    init: RequestOptions<Operation<P, M>>,
  ): Promise<ApiResponse<SuccessBody<Operation<P, M>>>> {
    const options = init as unknown as LooseRequest;
    const url = this.url(path, options.path, options.query);
    const headers = new Headers({ accept: 'application/json, application/problem+json' });
    for (const [name, value] of Object.entries({ ...options.header, ...options.headers })) {
      if (value !== undefined) headers.set(name, String(value));
    }
    if (options.idempotencyKey !== undefined) {
      headers.set(
        'idempotency-key',
        options.idempotencyKey === true ? crypto.randomUUID() : options.idempotencyKey,
      );
    }
    let body: string | undefined;
    if (options.body !== undefined) {
      const ndjson = typeof options.body === 'string';
      headers.set('content-type', ndjson ? 'application/x-ndjson' : 'application/json');
      body = ndjson ? (options.body as string) : JSON.stringify(options.body);
    }
    const response = await this.send(method.toUpperCase(), url, headers, body, options);
    const data = response.status === 204 ? undefined : await readBody(response);
    return {
      status: response.status,
      data: data as SuccessBody<Operation<P, M>>,
      headers: response.headers,
      etag: response.headers.get('etag') ?? undefined,
    };
  }

  private url(template: string, path?: Record<string, string>, query?: Record<string, unknown>): string {
    const filled = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const value = path?.[name];
      if (value === undefined) throw new TypeError(`missing path parameter ${name} for ${template}`);
      return encodeURIComponent(value);
    });
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null) search.set(name, String(value));
    }
    const qs = search.toString();
    return `${this.baseUrl}${filled}${qs ? `?${qs}` : ''}`;
  }

  /** Attempts with auth, a single 401 refresh, and backoff that honours Retry-After. */
  private async send(
    method: string,
    url: string,
    headers: Headers,
    body: string | undefined,
    options: { signal?: AbortSignal; timeoutMs?: number },
  ): Promise<Response> {
    const retryable = mayRetry(method, headers);
    let refreshedAfter401 = false;
    for (let attempt = 1; ; attempt++) {
      if (this.options.auth) {
        headers.set('authorization', `Bearer ${await this.options.auth.getToken(options.signal)}`);
      }
      let response: Response;
      try {
        response = await this.transport.send(
          url,
          { method, headers, body },
          options.signal,
          options.timeoutMs,
        );
      } catch (error) {
        if (options.signal?.aborted || !retryable || attempt >= this.retry.maxAttempts) throw error;
        await sleep(backoffDelay(attempt, this.retry, this.random), options.signal);
        continue;
      }
      if (response.ok) return response;
      if (response.status === 401 && this.options.auth && !refreshedAfter401) {
        // A token can be revoked or expire early; one fresh token is worth one more try, never a loop.
        refreshedAfter401 = true;
        this.options.auth.invalidate();
        await drain(response);
        attempt--;
        continue;
      }
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'), this.now());
      const canRetry =
        retryable &&
        (retryableStatuses.has(response.status) || (await keyInUse(response, headers))) &&
        attempt < this.retry.maxAttempts &&
        (retryAfter === undefined || retryAfter <= this.retry.maxRetryAfterMs);
      if (!canRetry) throw await problemError(response, retryAfter);
      await drain(response);
      await sleep(retryAfter ?? backoffDelay(attempt, this.retry, this.random), options.signal);
    }
  }
}

/**
 * A 409 that says the same Idempotency-Key is still being processed (the first attempt timed out here
 * but is running there): waiting and sending the same request again gets its answer. Every other 409
 * (a statement id already used) is final.
 */
async function keyInUse(response: Response, headers: Headers): Promise<boolean> {
  if (response.status !== 409 || !headers.has('idempotency-key')) return false;
  try {
    const problem = (await response.clone().json()) as { type?: unknown };
    return typeof problem.type === 'string' && problemTypeOf(problem.type) === 'idempotency-key-in-use';
  } catch {
    return false;
  }
}

async function readBody(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (/[/+]json\b/.test(type)) return response.json();
  return response.text();
}

async function problemError(response: Response, retryAfter: number | undefined) {
  const text = await response.text();
  let problem: ProblemDetails;
  try {
    problem = JSON.parse(text) as ProblemDetails;
    if (typeof problem !== 'object' || problem === null || typeof problem.title !== 'string') throw 0;
  } catch {
    // Proxies and gateways answer in HTML; keep what they said, shaped like the problem we expected.
    problem = {
      type: 'about:blank',
      title: response.statusText || 'HTTP error',
      status: response.status,
      detail: text.slice(0, 500),
    };
  }
  return new ReusePrefProblemError(response.status, problem, response.headers, retryAfter);
}

/** Reads and discards a body we will not use, so the connection can be reused for the retry. */
async function drain(response: Response): Promise<void> {
  await response.arrayBuffer().catch(() => undefined);
}
