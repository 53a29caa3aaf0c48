import type { ContractDocument, ContractOperation, ContractResponseSpec } from './document.js';

/** One HTTP exchange as the suite saw it. */
export interface Exchange {
  method: string;
  /** The path as sent, without the query string (percent-encoded as on the wire). */
  path: string;
  status: number;
  headers: Headers;
  /** The body as received ('' when there was none). */
  body: string;
}

/** A way a response breaks the contract: which operation, and a JSON pointer to the place. */
export interface ContractViolation {
  /** The operation the request was for, or `(no operation)` for a path openapi.yaml does not have. */
  operationId: string;
  status: number;
  /**
   * Where: into the body for a body that breaks its schema (`/items/0/subject/upn`), otherwise into
   * openapi.yaml (`/paths/~1register/get/responses`).
   */
  pointer: string;
  message: string;
}

export interface CheckOptions {
  /**
   * Whether this server must serve the operation (its profiles do). One it need not serve may answer a
   * 404 or 405 problem; if it answers otherwise, it serves it, and the answer must keep the contract.
   * Default: every operation must be served.
   */
  serves?: (operation: ContractOperation) => boolean;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;

/** The media type of a Content-Type header, lower-cased, without parameters. */
export const mediaTypeOf = (header: string | null) => (header ?? '').split(';')[0]!.trim().toLowerCase();

/**
 * Everything about one response that openapi.yaml rules on: the status is declared for the operation,
 * the media type is one declared for that status, the body is valid against its schema (and a problem's
 * `status` member is the HTTP status), and every required header is present and valid. A method the path
 * does not have must be 405 with `Allow`; a path the contract does not have, 404; both problem+json.
 */
export function checkResponse(
  contract: ContractDocument,
  exchange: Exchange,
  options: CheckOptions = {},
): ContractViolation[] {
  const route = contract.route(exchange.method, exchange.path);
  const out: ContractViolation[] = [];
  if (route === undefined || 'allow' in route) {
    const operationId = '(no operation)';
    const add = (pointer: string, message: string) =>
      out.push({ operationId, status: exchange.status, pointer, message });
    const pathKnown = route !== undefined;
    if (pathKnown && exchange.status === 405) {
      const allow = exchange.headers.get('allow');
      if (!allow)
        add('/info/description', `405 for ${exchange.method} ${exchange.path} without an Allow header`);
      else {
        const listed = allow.split(',').map((m) => m.trim().toUpperCase());
        const known = new Set([...route.allow, 'HEAD', 'OPTIONS']);
        const odd = listed.filter((m) => !known.has(m) || m === exchange.method);
        if (odd.length)
          add('/info/description', `Allow lists ${odd.join(', ')}, which this path does not have`);
      }
    } else if (exchange.status !== 404) {
      add(
        '/paths',
        pathKnown
          ? `${exchange.method} is not a method of ${exchange.path}: want 405 with Allow, got ${exchange.status}`
          : `${exchange.path} is no path of the contract: want 404, got ${exchange.status}`,
      );
    }
    if (
      exchange.status >= 400 &&
      mediaTypeOf(exchange.headers.get('content-type')) !== 'application/problem+json'
    )
      add('', `a ${exchange.status} must be application/problem+json`);
    return out;
  }

  const { operation } = route;
  const add = (pointer: string, message: string) =>
    out.push({ operationId: operation.operationId, status: exchange.status, pointer, message });
  if (!(options.serves?.(operation) ?? true) && (exchange.status === 404 || exchange.status === 405)) {
    if (mediaTypeOf(exchange.headers.get('content-type')) !== 'application/problem+json')
      add('', `a ${exchange.status} must be application/problem+json`);
    return out;
  }
  const spec = responseFor(operation, exchange.status);
  if (!spec) {
    add(
      `${operation.pointer}/responses`,
      `status ${exchange.status} is not declared for ${operation.operationId}`,
    );
    return out;
  }
  const where = `${operation.pointer}/responses/${spec.status}`;
  for (const [name, header] of spec.headers) {
    const value = exchange.headers.get(name);
    if (value === null) {
      if (header.required) add(`${where}/headers/${name}`, `required header ${name} is missing`);
      continue;
    }
    const typed = wantsInteger(header.schema) && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;
    for (const e of contract.schemas.validator(header.schema)(typed)) {
      add(`${where}/headers/${name}`, `header ${name} ${JSON.stringify(value)} ${e.message}`);
    }
  }
  if (exchange.method === 'HEAD') return out;
  const type = mediaTypeOf(exchange.headers.get('content-type'));
  if (spec.content.size === 0) {
    if (exchange.body !== '') add(`${where}`, `${exchange.status} declares no body, but one was sent`);
    return out;
  }
  const media = spec.content.get(type);
  if (!media) {
    add(
      `${where}/content`,
      `media type ${type || '(none)'} is not declared (${[...spec.content.keys()].join(', ')})`,
    );
    return out;
  }
  let body: unknown = exchange.body;
  if (JSON_TYPE.test(type)) {
    try {
      body = JSON.parse(exchange.body);
    } catch {
      add('', `the body is not JSON: ${JSON.stringify(exchange.body.slice(0, 80))}`);
      return out;
    }
  }
  for (const e of contract.schemas.validator(media.schema)(body)) add(e.pointer, e.message);
  if (type === 'application/problem+json' && body !== null && typeof body === 'object') {
    const status = (body as { status?: unknown }).status;
    if (status !== undefined && status !== exchange.status)
      add('/status', `is ${String(status)}, sent as ${exchange.status}`);
  }
  return out;
}

/** The response the operation declares for a status: exact, then its `4XX` range, then `default`. */
export function responseFor(operation: ContractOperation, status: number): ContractResponseSpec | undefined {
  return (
    operation.responses.get(String(status)) ??
    operation.responses.get(`${String(status)[0]}XX`) ??
    operation.responses.get('DEFAULT')
  );
}

function wantsInteger(schema: unknown): boolean {
  const type = (schema as { type?: unknown })?.type;
  return type === 'integer' || type === 'number';
}
