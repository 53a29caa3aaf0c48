import type { Operation, ParamsOf, PathsWith, RequestBodyOf, SuccessBody } from './types.js';

type BodyArg<O> = [RequestBodyOf<O>] extends [never] ? { body?: undefined } : { body: RequestBodyOf<O> };

export type RequestOptions<O> = ParamsOf<O> &
  BodyArg<O> & {
    signal?: AbortSignal;
    timeoutMs?: number;
    /** A key for a write (a UUID), or `true` to generate one; a write with a key may be retried. */
    idempotencyKey?: string | true;
    /** Extra headers, e.g. If-Match where the contract marks it optional. */
    headers?: Record<string, string>;
  };

export interface ApiResponse<T> {
  status: number;
  data: T;
  headers: Headers;
  /** The ETag of current state, for a later If-Match. */
  etag: string | undefined;
}

/**
 * The typed calls the helpers (pages, change feed, batch upload) make. ReusePrefClient implements it;
 * the helpers depend on this, not on the client, so neither module needs the other to be understood.
 */
export interface ContractCalls {
  get<P extends PathsWith<'get'>>(
    path: P,
    init: RequestOptions<Operation<P, 'get'>>,
  ): Promise<ApiResponse<SuccessBody<Operation<P, 'get'>>>>;
  post<P extends PathsWith<'post'>>(
    path: P,
    init: RequestOptions<Operation<P, 'post'>>,
  ): Promise<ApiResponse<SuccessBody<Operation<P, 'post'>>>>;
}
