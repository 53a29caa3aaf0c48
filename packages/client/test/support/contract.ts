// Reads spec/v1/openapi.yaml as data, so test servers answer exactly what the contract's examples say.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const specDir = fileURLToPath(new URL('../../../../spec/v1/', import.meta.url));
export const specPath = `${specDir}openapi.yaml`;

type Node = Record<string, unknown>;
export const spec = parse(readFileSync(specPath, 'utf8')) as Node & {
  paths: Record<string, Record<string, Node>>;
  components: Node & { examples: Record<string, { value: unknown }> };
};

/** Follows local `#/...` references; external ones (schema files) are left as they are. */
export function deref<T = Node>(node: unknown): T {
  let current = node as Node;
  while (typeof current?.$ref === 'string' && current.$ref.startsWith('#/')) {
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce<Node>((at, key) => at[key.replace(/~1/g, '/').replace(/~0/g, '~')] as Node, spec);
  }
  return current as T;
}

export interface ContractResponse {
  status: number;
  contentType: string | undefined;
  example: unknown;
  headers: string[];
}

export interface ContractOperation {
  operationId: string;
  method: string;
  path: string;
  secured: boolean;
  parameters: { name: string; in: string; required: boolean }[];
  requestSchema: string | undefined;
  requestContentType: string | undefined;
  requestExample: unknown;
  responses: ContractResponse[];
}

function firstExample(media: Node | undefined): unknown {
  const examples = media?.examples as Record<string, unknown> | undefined;
  const first = examples ? Object.values(examples)[0] : undefined;
  return first === undefined ? undefined : deref<{ value: unknown }>(first).value;
}

function schemaFile(media: Node | undefined): string | undefined {
  const schema = deref<Node>(deref<Node>(media?.schema ?? {}));
  return typeof schema.$ref === 'string' ? schema.$ref : undefined;
}

const methods = ['get', 'put', 'post', 'delete', 'patch'];

export const contractOperations: ContractOperation[] = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => methods.includes(method))
    .map(([method, op]) => {
      const parameters = [
        ...((item.parameters as unknown as unknown[]) ?? []),
        ...((op.parameters as unknown[]) ?? []),
      ]
        .map((p) => deref<{ name: string; in: string; required?: boolean }>(p))
        .map((p) => ({ name: p.name, in: p.in, required: p.required === true }));
      const requestContent = deref<Node>(op.requestBody ?? {}).content as Record<string, Node> | undefined;
      const [requestContentType, requestMedia] = Object.entries(requestContent ?? {})[0] ?? [];
      const responses = Object.entries(op.responses as Node).map(([status, raw]) => {
        const response = deref<Node>(raw);
        const [contentType, media] =
          Object.entries((response.content as Record<string, Node>) ?? {})[0] ?? [];
        return {
          status: Number(status),
          contentType,
          example: firstExample(media),
          headers: Object.keys((response.headers as Node) ?? {}),
        };
      });
      const security = (op.security ?? spec.security) as unknown[];
      return {
        operationId: op.operationId as string,
        method,
        path,
        secured: security.some((s) => Object.keys(s as Node).length > 0),
        parameters,
        requestSchema: schemaFile(requestMedia),
        requestContentType,
        requestExample: firstExample(requestMedia),
        responses,
      };
    }),
);

export function operation(operationId: string): ContractOperation {
  const found = contractOperations.find((op) => op.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId} in the contract`);
  return found;
}

export function example<T = unknown>(name: string): T {
  const found = spec.components.examples[name];
  if (!found) throw new Error(`no example ${name} in the contract`);
  return structuredClone(found.value) as T;
}

/** The operation's main success response (201 where it creates, else the first 2xx), with its example. */
export function success(operationId: string): ContractResponse {
  const ok = operation(operationId).responses.filter((r) => r.status >= 200 && r.status < 300);
  const chosen = ok.find((r) => r.status === 201) ?? ok[0];
  if (!chosen) throw new Error(`${operationId} declares no success response`);
  return chosen;
}

export const tokenUrl = (
  (spec.components.securitySchemes as Node).oauth2 as {
    flows: { clientCredentials: { tokenUrl: string } };
  }
).flows.clientCredentials.tokenUrl;
export const baseUrl = (spec.servers as { url: string }[])[0]!.url;
