import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { operationIndex } from '@reuse-pref/contract';
import { parse } from 'yaml';
import { type JsonSchema, loadPublishedSchemas, type PublishedSchemas } from './published-schemas.js';

/**
 * spec/v1/openapi.yaml read at run time as the suite ships it, into what a checker or a generator needs:
 * every operation with its parameters, body and responses, each schema ready to validate against (file
 * references turned into the published `$id`s the schema registry knows). Nothing here names an
 * operation: an operation added to openapi.yaml is in the model with no code change.
 */

export type { JsonSchema };

export interface ContractParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
  /** The component it came from (`Cursor`, `IfMatch`...), when it is a shared one. */
  component?: string;
}

export interface ContractMedia {
  schema: JsonSchema;
  /** For a sequence such as NDJSON: the schema of each item (`x-item-schema`; OpenAPI 3.2's itemSchema). */
  itemSchema?: JsonSchema;
}

export interface ContractHeader {
  required: boolean;
  schema: JsonSchema;
}

export interface ContractResponseSpec {
  /** `200`, `4XX`, `default`... as the document writes it. */
  status: string;
  headers: Map<string, ContractHeader>;
  /** Media type → schema; empty when the response has no body. */
  content: Map<string, ContractMedia>;
}

/** A rule beyond the schemas that can refuse a request the schemas accept (`x-rules`). */
export interface StatedRule {
  problem: string;
  rule: string;
}

export interface ContractOperation {
  operationId: string;
  method: string;
  path: string;
  /** JSON pointer of the operation in openapi.yaml, for messages. */
  pointer: string;
  /** Profiles whose servers must serve it (its tags' `x-profiles`). */
  profiles: string[];
  /** Role scopes that admit it (any one); empty for a public operation. From @reuse-pref/contract. */
  scopes: readonly string[];
  parameters: ContractParameter[];
  requestBody?: { required: boolean; content: Map<string, ContractMedia> };
  responses: Map<string, ContractResponseSpec>;
  rules: StatedRule[];
}

export interface ContractDocument {
  operations: ContractOperation[];
  operation(operationId: string): ContractOperation;
  /** The operation a request is for, the methods its path has (when not this one), or nothing. */
  route(method: string, path: string): RouteResult;
  schemas: PublishedSchemas;
  /** The problem type base every problem `type` of the contract starts with. */
  problemBase: string;
}

export type RouteResult =
  | { operation: ContractOperation; params: Record<string, string> }
  | { allow: string[] }
  | undefined;

type Node = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const FILE_REF = /^\.\/(?:schemas\/)?([a-z0-9-]+\.schema\.json)(#.*)?$/;

/** Reads openapi.yaml from the suite's spec/v1 into the model. */
export function loadContract(root: string): ContractDocument {
  const dir = join(root, 'spec/v1');
  const doc = parse(readFileSync(join(dir, 'openapi.yaml'), 'utf8')) as Node;
  const schemas = loadPublishedSchemas(root);
  return buildContract(doc, schemas);
}

export function buildContract(doc: Node, schemas: PublishedSchemas): ContractDocument {
  const deref = (node: unknown): Node => {
    let current = node as Node;
    for (let hops = 0; typeof current?.$ref === 'string' && current.$ref.startsWith('#/'); hops++) {
      if (hops > 20) throw new Error(`reference loop at ${current.$ref}`);
      current = lookup(doc, current.$ref) as Node;
      if (current === undefined) throw new Error(`openapi.yaml: ${String(node)} does not resolve`);
    }
    return current;
  };
  const componentOf = (node: unknown): string | undefined => {
    const ref = (node as Node)?.$ref;
    return typeof ref === 'string' ? ref.slice(ref.lastIndexOf('/') + 1) : undefined;
  };

  // A schema in openapi.yaml as JSON Schema the registry can compile: `#/components/schemas/X` and
  // `./schemas/x.schema.json` become the published `$id` of the file X names.
  const toSchema = (node: unknown): JsonSchema => {
    if (Array.isArray(node)) return node.map(toSchema) as unknown as JsonSchema;
    if (node === null || typeof node !== 'object') return node as JsonSchema;
    const out: Node = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const target = value.startsWith('#/components/schemas/') ? lookup(doc, value) : { $ref: value };
        const file = FILE_REF.exec(String((target as Node).$ref));
        if (file) out.$ref = `${schemas.base}${file[1]}${file[2] ?? ''}`;
        else Object.assign(out, toSchema(target));
      } else out[key] = toSchema(value);
    }
    return out;
  };

  const tagProfiles = new Map<string, string[]>();
  for (const tag of (doc.tags ?? []) as Node[]) {
    tagProfiles.set(String(tag.name), (tag['x-profiles'] as string[] | undefined) ?? []);
  }

  const media = (content: unknown): Map<string, ContractMedia> =>
    new Map(
      Object.entries((content ?? {}) as Record<string, Node>).map(([type, m]) => [
        type.toLowerCase(),
        {
          schema: toSchema(m.schema ?? {}),
          ...(m['x-item-schema'] ? { itemSchema: toSchema(m['x-item-schema']) } : {}),
        },
      ]),
    );

  const operations: ContractOperation[] = [];
  for (const [path, rawItem] of Object.entries((doc.paths ?? {}) as Record<string, Node>)) {
    const item = deref(rawItem);
    for (const method of METHODS) {
      const op = item[method] as Node | undefined;
      if (!op) continue;
      const operationId = String(op.operationId);
      const pointer = `/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}`;
      const byKey = new Map<string, ContractParameter>();
      for (const raw of [
        ...((item.parameters as unknown[]) ?? []),
        ...((op.parameters as unknown[]) ?? []),
      ]) {
        const p = deref(raw);
        const component = componentOf(raw);
        byKey.set(`${p.in}:${String(p.name).toLowerCase()}`, {
          name: String(p.name),
          in: p.in as ContractParameter['in'],
          required: p.required === true,
          schema: toSchema(p.schema ?? {}),
          ...(component ? { component } : {}),
        });
      }
      const body = op.requestBody ? deref(op.requestBody) : undefined;
      const responses = new Map<string, ContractResponseSpec>();
      for (const [status, raw] of Object.entries((op.responses ?? {}) as Node)) {
        const r = deref(raw);
        const headers = new Map<string, ContractHeader>();
        for (const [name, h] of Object.entries((r.headers ?? {}) as Node)) {
          const header = deref(h);
          headers.set(name.toLowerCase(), {
            required: header.required === true,
            schema: toSchema(header.schema ?? {}),
          });
        }
        responses.set(status.toUpperCase(), {
          status: status.toUpperCase(),
          headers,
          content: media(r.content),
        });
      }
      const indexed = (
        operationIndex as Record<string, { method: string; path: string; scopes: readonly string[] }>
      )[operationId];
      if (!indexed || indexed.method !== method || indexed.path !== path) {
        throw new Error(
          `openapi.yaml and @reuse-pref/contract disagree on ${operationId} (${method.toUpperCase()} ${path}); ` +
            'the suite was built from another version of the contract',
        );
      }
      operations.push({
        operationId,
        method: method.toUpperCase(),
        path,
        pointer,
        profiles: [...new Set(((op.tags as string[]) ?? []).flatMap((t) => tagProfiles.get(t) ?? []))],
        scopes: indexed.scopes,
        parameters: [...byKey.values()],
        ...(body ? { requestBody: { required: body.required === true, content: media(body.content) } } : {}),
        responses,
        rules: ((op['x-rules'] as StatedRule[] | undefined) ?? []).map((r) => ({
          problem: r.problem,
          rule: r.rule,
        })),
      });
    }
  }
  if (operations.length !== Object.keys(operationIndex).length) {
    throw new Error('openapi.yaml and @reuse-pref/contract list different operations; rebuild the suite');
  }

  const routes = operations.map((operation) => ({ operation, ...compile(operation.path) }));
  const byId = new Map(operations.map((o) => [o.operationId, o]));
  const description = String((doc.info as Node | undefined)?.description ?? '');
  return {
    operations,
    schemas,
    problemBase:
      /`(https:\/\/[^`]+\/problems\/)`/.exec(description)?.[1] ?? 'https://reuse-pref.org/problems/',
    operation(operationId) {
      const found = byId.get(operationId);
      if (!found) throw new Error(`no operation ${operationId} in openapi.yaml`);
      return found;
    },
    route(method, path) {
      const allow = new Set<string>();
      for (const { operation, pattern, names } of routes) {
        const m = pattern.exec(path);
        if (!m) continue;
        const wanted = method === 'HEAD' ? 'GET' : method;
        if (operation.method !== wanted) {
          allow.add(operation.method);
          continue;
        }
        const params: Record<string, string> = {};
        for (const [i, name] of names.entries()) {
          try {
            params[name] = decodeURIComponent(m[i + 1]!);
          } catch {
            params[name] = m[i + 1]!;
          }
        }
        return { operation, params };
      }
      return allow.size > 0 ? { allow: [...allow] } : undefined;
    },
  };
}

/** A path template as a pattern: each `{name}` matches one non-empty segment. */
function compile(template: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = template.replace(/\{([^}]+)\}|[^{}]+/g, (part, name?: string) => {
    if (name) {
      names.push(name);
      return '([^/]+)';
    }
    return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return { pattern: new RegExp(`^${source}$`), names };
}

/** The node at a local `#/…` reference. */
export function lookup(doc: unknown, ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>(
      (at, key) => (at as Node | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')],
      doc,
    );
}
