import { type TSchema, type TUnsafe, Type } from '@sinclair/typebox';

/**
 * Same value as SCHEMA_BASE in documents.ts. It is repeated rather than imported because documents.ts
 * imports these envelopes, and a runtime import back would be a cycle; a test keeps the two equal.
 */
export const API_SCHEMA_BASE = 'https://schemas.reuse-pref.org/v1/';

/**
 * A reference to another published schema by a relative URI. Relative refs resolve against the `$id`
 * for JSON Schema tools and against the file location for OpenAPI bundlers, so the generated envelope
 * points at the one published copy (spec/v1/schemas/<name>.schema.json) and never inlines it.
 */
export function schemaRef<T>(name: string, description?: string): TUnsafe<T> {
  return Type.Unsafe<T>({ $ref: `./${name}.schema.json`, ...(description ? { description } : {}) });
}

export function envelope(name: string, title: string) {
  return { $id: `${API_SCHEMA_BASE}${name}.schema.json`, title, additionalProperties: false } as const;
}

/** Opaque resume point: base64url, meaningful only to the server that issued it. */
export const Cursor = Type.String({
  pattern: '^[A-Za-z0-9_-]{1,512}$',
  description: 'Opaque cursor issued by the server; persist it and send it back unchanged to resume',
});

export function nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}
