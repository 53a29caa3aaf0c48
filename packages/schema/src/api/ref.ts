import { type TSchema, type TUnsafe, Type } from '@sinclair/typebox';

/** Base of every published schema `$id`; the path mirrors spec/v1/schemas/. */
export const SCHEMA_BASE = 'https://schemas.reuse-pref.org/v1/';

/** The same base, under the name the API envelopes have always exported it by. */
export const API_SCHEMA_BASE = SCHEMA_BASE;

/**
 * A reference to another published schema by a relative URI. Relative refs resolve against the `$id`
 * for JSON Schema tools and against the file location for OpenAPI bundlers, so the generated envelope
 * points at the one published copy (spec/v1/schemas/<name>.schema.json) and never inlines it.
 */
export function schemaRef<T>(name: string, description?: string): TUnsafe<T> {
  return Type.Unsafe<T>({ $ref: `./${name}.schema.json`, ...(description ? { description } : {}) });
}

export function envelope(name: string, title: string) {
  return { $id: `${SCHEMA_BASE}${name}.schema.json`, title, additionalProperties: false } as const;
}

/** Opaque resume point: base64url, meaningful only to the server that issued it. */
export const Cursor = Type.String({
  pattern: '^[A-Za-z0-9_-]{1,512}$',
  description: 'Opaque cursor issued by the server; persist it and send it back unchanged to resume',
});

export function nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}
