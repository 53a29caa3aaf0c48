import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats ships CJS; under ESM its default export may be wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => void;

/** A JSON Schema as openapi.yaml or a published schema file holds it. */
export type JsonSchema = Record<string, unknown> | boolean;

/** One thing wrong with a value: where in it (a JSON pointer) and what the schema wanted there. */
export interface SchemaError {
  pointer: string;
  message: string;
}

/**
 * The published schemas (spec/v1/schemas) registered under their `$id`, as any consumer loads them, and
 * the one Ajv every check of the suite uses. Schemas from openapi.yaml that refer to them compile here.
 */
export interface PublishedSchemas {
  /** The `$id` base of the published schemas, e.g. https://schemas.reuse-pref.org/v1/. */
  base: string;
  /** The published schema with this `$id`, as written. */
  byId(id: string): Record<string, unknown> | undefined;
  /** A validator for any schema (inline or a `$ref` to a published one); compiled once per schema. */
  validator(schema: JsonSchema): (value: unknown) => SchemaError[];
}

export function loadPublishedSchemas(root: string): PublishedSchemas {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const dir = join(root, 'spec/v1/schemas');
  const raw = new Map<string, Record<string, unknown>>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.schema.json'))) {
    const schema = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
    raw.set(String(schema.$id), schema);
    ajv.addSchema(schema);
  }
  const someId = [...raw.keys()][0] ?? 'https://schemas.reuse-pref.org/v1/x';
  const compiled = new Map<string, ValidateFunction>();
  return {
    base: someId.slice(0, someId.lastIndexOf('/') + 1),
    byId: (id) => raw.get(id),
    validator(schema) {
      const key = JSON.stringify(schema);
      let validate = compiled.get(key);
      if (!validate) {
        const ref = typeof schema === 'object' && Object.keys(schema).length === 1 ? schema.$ref : undefined;
        validate = (typeof ref === 'string' && ajv.getSchema(ref)) || ajv.compile(schema as object);
        compiled.set(key, validate);
      }
      const run = validate;
      return (value) => (run(value) ? [] : (run.errors ?? []).map(toError));
    },
  };
}

function toError(e: ErrorObject): SchemaError {
  const extra =
    e.keyword === 'additionalProperties'
      ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})`
      : e.keyword === 'enum'
        ? ` (${((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')})`
        : '';
  return { pointer: e.instancePath, message: `${e.message ?? e.keyword}${extra}` };
}
