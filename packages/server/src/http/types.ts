/**
 * The framework-agnostic request and response every handler sees. Adapters (Node http, Fastify) translate
 * to and from these, so the behaviour under test is the same whichever server hosts it.
 */
export interface ServerRequest {
  method: string;
  /** Path without the query string, percent-decoding left to the router. */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names; repeated headers joined with ", " as Node does. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The raw body, read lazily so the size limit can stop it early. */
  body: AsyncIterable<Uint8Array>;
  /** Set by the adapter from X-Request-Id when it is sane, otherwise generated. */
  requestId: string;
}

export interface ServerResponse {
  status: number;
  headers: Record<string, string>;
  /** Already serialised; handlers build it through json(), problem() or ndjson(). */
  body?: string;
}

declare const carries: unique symbol;

/**
 * A response whose type remembers its status, media type and body before serialisation, so a handler's
 * result can be checked against what the contract declares for its operation. The marker exists only in
 * the type; at run time this is a plain ServerResponse.
 */
export interface Sent<S extends number, M extends string | undefined, B> extends ServerResponse {
  status: S;
  readonly [carries]?: { mediaType: M; body: B };
}
