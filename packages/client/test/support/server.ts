// An msw server that plays the contract: every operation answers its documented example, checks the
// bearer token, the required headers and the request body against the published schemas.
import { HttpResponse, http, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { ClientCredentials, type ClientOptions, ReusePrefClient } from '../../src/index.js';
import {
  baseUrl,
  type ContractOperation,
  contractOperations,
  example,
  success,
  tokenUrl,
} from './contract.js';
import { validatorFor } from './schemas.js';

export { baseUrl, tokenUrl };

export const ETAG = '"v1-7f3a"';

/** Issues numbered tokens and accepts only those still valid; tests revoke or expire them. */
export class TokenIssuer {
  issued: string[] = [];
  valid = new Set<string>();
  expiresIn = 3600;
  requests: URLSearchParams[] = [];

  issue(form: URLSearchParams): string {
    this.requests.push(form);
    const token = `token-${this.issued.length + 1}`;
    this.issued.push(token);
    this.valid.add(token);
    return token;
  }

  revokeAll(): void {
    this.valid.clear();
  }
}

export const tokens = new TokenIssuer();
export const server = setupServer();

export function problem(name: string, status: number, headers?: Record<string, string>) {
  return HttpResponse.json(example(name) as JsonBodyType, {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

function mswPath(path: string): string {
  return `${baseUrl}${path.replace(/\{([^}]+)\}/g, ':$1')}`;
}

/** Why a request breaks the contract, or undefined when it keeps it. */
export async function contractViolation(
  op: ContractOperation,
  request: Request,
): Promise<string | undefined> {
  for (const p of op.parameters) {
    if (p.in === 'header' && p.required && !request.headers.has(p.name)) return `missing header ${p.name}`;
  }
  if (!op.requestContentType) return undefined;
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith(op.requestContentType)) return `content-type ${type}, want ${op.requestContentType}`;
  const text = await request.clone().text();
  const documents =
    op.requestContentType === 'application/x-ndjson'
      ? text
          .split('\n')
          .filter((line) => line.trim())
          .map((line) => ({ ref: './schemas/statement.schema.json', value: JSON.parse(line) }))
      : [{ ref: op.requestSchema!, value: JSON.parse(text) }];
  for (const { ref, value } of documents) {
    const validate = validatorFor(ref);
    if (!validate(value)) return `body breaks ${ref}: ${JSON.stringify(validate.errors)}`;
  }
  return undefined;
}

export function authorised(request: Request): boolean {
  const header = request.headers.get('authorization') ?? '';
  return header.startsWith('Bearer ') && tokens.valid.has(header.slice(7));
}

export const tokenHandler = http.post(tokenUrl, async ({ request }) => {
  const form = new URLSearchParams(await request.text());
  if (
    form.get('grant_type') !== 'client_credentials' ||
    !request.headers.get('authorization')?.startsWith('Basic ')
  ) {
    return HttpResponse.json({ error: 'invalid_client' }, { status: 401 });
  }
  return HttpResponse.json({
    access_token: tokens.issue(form),
    token_type: 'Bearer',
    expires_in: tokens.expiresIn,
    scope: form.get('scope'),
  });
});

/** One handler per operation, answering the contract's success example. */
export function contractHandlers() {
  return contractOperations.map((op) => {
    const method = op.method as 'get' | 'put' | 'post';
    return http[method](mswPath(op.path), async ({ request }) => {
      if (op.secured && !authorised(request)) return problem('ProblemUnauthorized', 401);
      const violation = await contractViolation(op, request);
      if (violation) {
        return HttpResponse.json(
          {
            type: 'https://reuse-pref.org/problems/bad-request',
            title: 'Bad request',
            status: 400,
            detail: violation,
          },
          { status: 400, headers: { 'content-type': 'application/problem+json' } },
        );
      }
      const ok = success(op.operationId);
      const headers: Record<string, string> = { 'content-type': ok.contentType ?? 'application/json' };
      if (ok.headers.includes('ETag')) headers.etag = ETAG;
      if (ok.headers.includes('Location'))
        headers.location = `${baseUrl}${new URL(request.url).pathname}/created`;
      return HttpResponse.json(ok.example as JsonBodyType, { status: ok.status, headers });
    });
  });
}

export function resetContractServer(): void {
  server.resetHandlers(tokenHandler, ...contractHandlers());
  tokens.issued = [];
  tokens.valid.clear();
  tokens.requests = [];
  tokens.expiresIn = 3600;
}

/** A client as an integrator would configure it, with jitter pinned so waits are predictable. */
export function makeClient(overrides: Partial<ClientOptions> = {}): ReusePrefClient {
  return new ReusePrefClient({
    baseUrl,
    auth: new ClientCredentials({
      tokenUrl,
      clientId: 'integrator-42',
      clientSecret: 's3cret',
      scopes: ['producer:read', 'producer:write', 'school:100000'],
    }),
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    random: () => 0.5,
    ...overrides,
  });
}
