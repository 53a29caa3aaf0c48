import type { components, operations, paths } from '@reuse-pref/contract';

// Every type here is derived from the contract's generated types (@reuse-pref/contract): none restates a
// request or response.

export type { components, operations, paths };

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** The paths that declare an operation for `M`. */
export type PathsWith<M extends HttpMethod> = {
  [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never;
}[keyof paths];

export type Operation<P extends keyof paths, M extends HttpMethod> = NonNullable<paths[P][M]>;

type Params<O> = O extends { parameters: infer X } ? X : never;
type Part<O, K extends string> = K extends keyof Params<O> ? Params<O>[K] : never;

/** Path, query and header parameters, required exactly when the contract requires them. */
export type ParamsOf<O> = Slot<'path', Part<O, 'path'>> &
  Slot<'query', Part<O, 'query'>> &
  Slot<'header', Part<O, 'header'>>;

/** Absent when the contract has none; optional when it may be undefined; otherwise required. */
type Slot<K extends string, V> = [Exclude<V, undefined>] extends [never]
  ? { [k in K]?: undefined }
  : undefined extends V
    ? { [k in K]?: Exclude<V, undefined> }
    : { [k in K]: V };

type ContentOf<X> = X extends { content: infer C } ? C[keyof C] : undefined;

/**
 * A response body as this client receives it: it asks for JSON (`Accept: application/json`), so where an
 * operation also offers other media types (the register's CSV and HTML), the JSON one is what arrives.
 */
type JsonContentOf<X> = X extends { content: infer C }
  ? C extends { 'application/json': infer J }
    ? J
    : C[keyof C]
  : undefined;

export type RequestBodyOf<O> = O extends { requestBody: infer B } ? ContentOf<B> : never;

type SuccessStatus = 200 | 201 | 202 | 204;
type Responses<O> = O extends { responses: infer R } ? R : never;

/** The body of any 2xx response the operation declares. */
export type SuccessBody<O> = {
  [S in keyof Responses<O>]: S extends SuccessStatus ? JsonContentOf<Responses<O>[S]> : never;
}[keyof Responses<O>];

export type ProblemDetails = components['schemas']['ProblemDetails'];
export type Statement = components['schemas']['Statement'];
export type ChangeFeedPage = components['schemas']['ChangeFeedPage'];
export type ChangeFeedEntry = ChangeFeedPage['changes'][number];
export type BatchResult = components['schemas']['BatchResult'];
export type BatchProblem = components['schemas']['BatchProblem'];
export type RecordOutcome = BatchResult['outcomes'][number];

/** The GET paths whose response is a cursor page (`items` + `nextCursor`). */
export type PagedPath = {
  [P in PathsWith<'get'>]: SuccessBody<Operation<P, 'get'>> extends { items: unknown[]; nextCursor: unknown }
    ? P
    : never;
}[PathsWith<'get'>];

export type PageItem<P extends PagedPath> =
  SuccessBody<Operation<P, 'get'>> extends { items: (infer I)[] } ? I : never;
