import type { Sent } from './types.js';

/** A JSON response; its status and body type are kept in the result's type for the contract check. */
export function json<S extends number, B>(
  status: S,
  value: B,
  headers: Record<string, string> = {},
): Sent<S, 'application/json', B> {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(value),
  };
}

/** A response without content (304). */
export function empty<S extends number>(
  status: S,
  headers: Record<string, string> = {},
): Sent<S, undefined, undefined> {
  return { status, headers };
}

/** A text document (a CSV or HTML rendering); `mediaType` is sent as the content type with UTF-8. */
export function text<S extends number, M extends string>(
  status: S,
  mediaType: M,
  value: string,
  headers: Record<string, string> = {},
): Sent<S, M, string> {
  return { status, headers: { 'content-type': `${mediaType}; charset=utf-8`, ...headers }, body: value };
}
