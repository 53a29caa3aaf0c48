import fc from 'fast-check';
import type { JsonSchema } from '../contract/document.js';
import type { PublishedSchemas } from '../contract/published-schemas.js';

/**
 * fast-check arbitraries straight from JSON Schema: values a schema accepts, and values it refuses (each
 * a small, typical mistake: a wrong type, a broken pattern or format, a number out of range, a missing
 * required member, an unknown one, an item too many). Every value is checked against the schema with the
 * suite's own validator before it is used, so "valid" and "invalid" are facts, not hopes.
 *
 * Domain generators (a statement the validator accepts, and so on) can stand in for any published schema
 * by its `$id`: wherever that schema is reached, even deep inside another, the domain arbitrary is used.
 */

type Schema = Record<string, unknown>;
export type DomainArbitraries = ReadonlyMap<string, fc.Arbitrary<unknown>>;

export interface SchemaArbitraries {
  valid(schema: JsonSchema): fc.Arbitrary<unknown>;
  invalid(schema: JsonSchema): fc.Arbitrary<unknown>;
}

const MAX_DEPTH = 6;

export function schemaArbitraries(
  schemas: PublishedSchemas,
  domain: DomainArbitraries = new Map(),
): SchemaArbitraries {
  /** A schema with its `$ref` followed (sibling keywords kept), and `allOf` folded into one. */
  const resolve = (schema: JsonSchema, depth = 0): Schema => {
    if (schema === true || schema === undefined) return {};
    if (schema === false) return { not: {} };
    let s: Schema = schema;
    if (typeof s.$ref === 'string') {
      const { $ref, ...rest } = s;
      const target = refTarget($ref as string);
      s = merge(resolve(target, depth + 1), rest);
    }
    if (Array.isArray(s.allOf)) {
      const { allOf, ...rest } = s;
      s = (allOf as JsonSchema[]).reduce<Schema>((acc, part) => merge(acc, resolve(part, depth + 1)), rest);
    }
    return s;
  };
  // The published schemas share one base, so their relative references resolve against it.
  const absolute = (ref: string) => (ref.startsWith('./') ? `${schemas.base}${ref.slice(2)}` : ref);
  const refTarget = (ref: string): JsonSchema => {
    const [id, fragment] = absolute(ref).split('#');
    const doc = schemas.byId(id!);
    if (!doc) throw new Error(`fuzz: unknown schema ${ref}`);
    return fragment ? (pointerIn(doc, fragment) as JsonSchema) : doc;
  };
  const domainFor = (schema: JsonSchema): fc.Arbitrary<unknown> | undefined =>
    typeof schema === 'object' && typeof schema.$ref === 'string' && Object.keys(schema).length <= 2
      ? domain.get(absolute(schema.$ref))
      : typeof schema === 'object' && typeof schema.$id === 'string'
        ? domain.get(schema.$id)
        : undefined;

  const valid = (schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> => {
    const known = domainFor(schema);
    if (known) return known;
    const s = resolve(schema);
    if (s.const !== undefined) return fc.constant(s.const);
    if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
    for (const key of ['anyOf', 'oneOf'] as const) {
      if (Array.isArray(s[key])) {
        const { [key]: branches, ...rest } = s;
        return fc.oneof(...(branches as JsonSchema[]).map((b) => valid(merge(rest, resolve(b)), depth + 1)));
      }
    }
    const types = typesOf(s);
    return fc.oneof(...types.map((t) => ofType(t, s, depth)));
  };

  const ofType = (type: string, s: Schema, depth: number): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
      case 'number': {
        const min =
          num(s.minimum) ?? (num(s.exclusiveMinimum) !== undefined ? num(s.exclusiveMinimum)! + 1 : -1e6);
        const max =
          num(s.maximum) ?? (num(s.exclusiveMaximum) !== undefined ? num(s.exclusiveMaximum)! - 1 : 1e6);
        return type === 'integer'
          ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
          : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
      }
      case 'string':
        return stringFor(s);
      case 'array': {
        const items = (s.items as JsonSchema | undefined) ?? {};
        const minLength = num(s.minItems) ?? 0;
        const maxLength = Math.min(num(s.maxItems) ?? minLength + 3, minLength + 3);
        const item = depth >= MAX_DEPTH ? fc.constant(null) : valid(items, depth + 1);
        return s.uniqueItems === true
          ? fc.uniqueArray(item, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
          : fc.array(item, { minLength, maxLength });
      }
      default:
        return objectFor(s, depth);
    }
  };

  const objectFor = (s: Schema, depth: number): fc.Arbitrary<unknown> => {
    const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((s.required ?? []) as string[]);
    const members: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [name, sub] of Object.entries(properties)) {
      // Deep optional members are left out, so recursive schemas end.
      if (depth >= MAX_DEPTH && !required.has(name)) continue;
      members[name] = valid(sub, depth + 1);
    }
    // A required member declared elsewhere (an anyOf branch's `required`) is any JSON value.
    for (const name of required) members[name] ??= fc.jsonValue({ maxDepth: 1 });
    return fc.record(members, { requiredKeys: [...required].filter((n) => n in members) });
  };

  const invalid = (schema: JsonSchema): fc.Arbitrary<unknown> => {
    const check = schemas.validator(schema);
    return fc.noShrink(mistakes(schema).filter((v) => check(v).length > 0));
  };

  const mistakes = (schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> => {
    const s = resolve(schema);
    const options: fc.Arbitrary<unknown>[] = [wrongType(s)];
    if (Array.isArray(s.enum) || s.const !== undefined) options.push(fc.string({ maxLength: 8 }));
    if (typesOf(s).includes('string')) {
      if (typeof s.pattern === 'string' || typeof s.format === 'string') {
        options.push(
          fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', ' ', '0.5', '-1', 'x'.repeat(300))),
        );
      }
      const max = num(s.maxLength);
      if (max !== undefined) options.push(fc.constant('x'.repeat(max + 1)));
      const min = num(s.minLength);
      if (min !== undefined && min > 0) options.push(fc.constant('x'.repeat(min - 1)));
    }
    if (typesOf(s).some((t) => t === 'integer' || t === 'number')) {
      if (num(s.minimum) !== undefined) options.push(fc.constant(num(s.minimum)! - 1));
      if (num(s.maximum) !== undefined) options.push(fc.constant(num(s.maximum)! + 1));
      if (typesOf(s).includes('integer') && !typesOf(s).includes('number')) options.push(fc.constant(1.5));
    }
    if (typesOf(s).includes('object') && depth < MAX_DEPTH) {
      const properties = Object.entries((s.properties ?? {}) as Record<string, JsonSchema>);
      const required = (s.required ?? []) as string[];
      const base = valid(schema) as fc.Arbitrary<Record<string, unknown>>;
      if (required.length > 0) {
        options.push(
          fc.tuple(base, fc.constantFrom(...required)).map(([v, drop]) => {
            const { [drop]: _, ...rest } = v;
            return rest;
          }),
        );
      }
      if (s.additionalProperties === false) {
        options.push(base.map((v) => ({ ...v, unknownMember: true })));
      }
      if (properties.length > 0) {
        options.push(
          fc
            .constantFrom(...properties)
            .chain(([name, sub]) =>
              fc.tuple(base, mistakes(sub, depth + 1)).map(([v, bad]) => ({ ...v, [name]: bad })),
            ),
        );
      }
    }
    if (typesOf(s).includes('array') && depth < MAX_DEPTH) {
      const base = valid(schema) as fc.Arbitrary<unknown[]>;
      const maxItems = num(s.maxItems);
      if (maxItems !== undefined && maxItems < 50) {
        options.push(
          base.chain((v) =>
            fc.constant([...v, ...Array.from({ length: maxItems + 1 - v.length }, () => v[0] ?? null)]),
          ),
        );
      }
      if (num(s.minItems) !== undefined && num(s.minItems)! > 0) options.push(fc.constant([]));
      if (s.items) {
        options.push(
          fc.tuple(base, mistakes(s.items as JsonSchema, depth + 1)).map(([v, bad]) => [...v, bad]),
        );
      }
    }
    return fc.oneof(...options);
  };

  return {
    valid: (schema) => {
      const check = schemas.validator(schema);
      return valid(schema).filter((v) => check(v).length === 0);
    },
    invalid,
  };

  function stringFor(s: Schema): fc.Arbitrary<string> {
    const minLength = num(s.minLength) ?? 0;
    const maxLength = num(s.maxLength);
    const fitting = (a: fc.Arbitrary<string>) =>
      a.filter((v) => [...v].length >= minLength && (maxLength === undefined || [...v].length <= maxLength));
    if (typeof s.format === 'string' && FORMATS[s.format]) return fitting(FORMATS[s.format]!);
    if (typeof s.pattern === 'string') return fitting(fc.stringMatching(new RegExp(s.pattern, 'u')));
    return fc.string({ unit: 'grapheme', minLength, maxLength: maxLength ?? Math.max(minLength, 24) });
  }
}

/** Formats the contract uses, as values of that format. */
const FORMATS: Record<string, fc.Arbitrary<string>> = {
  uuid: fc.uuid(),
  date: fc
    .date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2030-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
  'date-time': fc
    .tuple(
      fc.date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2030-12-31T00:00:00Z'),
        noInvalidDate: true,
      }),
      fc.constantFrom('Z', '+01:00', '-05:30', 'ms'),
    )
    .map(([d, zone]) => (zone === 'ms' ? d.toISOString() : d.toISOString().replace(/\.\d{3}Z$/, zone))),
  uri: fc.webUrl(),
  'uri-reference': fc.oneof(
    fc.webUrl(),
    fc.webPath().filter((p) => p.startsWith('/')),
  ),
};

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

function typesOf(s: Schema): string[] {
  if (Array.isArray(s.type)) return s.type as string[];
  if (typeof s.type === 'string') return [s.type];
  if (s.properties || s.required || s.additionalProperties !== undefined) return ['object'];
  if (s.items) return ['array'];
  if (s.pattern || s.format || s.minLength !== undefined) return ['string'];
  return ['string', 'integer', 'boolean', 'null', 'object', 'array'];
}

/** A JSON value of none of the schema's types. */
function wrongType(s: Schema): fc.Arbitrary<unknown> {
  const allowed = new Set(typesOf(s));
  if (allowed.has('number')) allowed.add('integer');
  const all: [string, fc.Arbitrary<unknown>][] = [
    ['string', fc.string({ maxLength: 6 })],
    ['integer', fc.integer()],
    ['number', fc.double({ noNaN: true, noDefaultInfinity: true, min: 0.1, max: 9.9 })],
    ['boolean', fc.boolean()],
    ['null', fc.constant(null)],
    ['object', fc.constant({})],
    ['array', fc.constant([])],
  ];
  const others = all.filter(([t]) => !allowed.has(t)).map(([, a]) => a);
  return others.length > 0 ? fc.oneof(...others) : fc.constant(undefined);
}

/** Two schemas as one: properties and required joined, the rest of the second laid over the first. */
function merge(a: Schema, b: Schema): Schema {
  const out: Schema = { ...a, ...b };
  if (a.properties || b.properties)
    out.properties = { ...(a.properties as Schema), ...(b.properties as Schema) };
  if (a.required || b.required) {
    out.required = [...new Set([...((a.required as string[]) ?? []), ...((b.required as string[]) ?? [])])];
  }
  if (a.type !== undefined && b.type !== undefined) {
    const bt = new Set(Array.isArray(b.type) ? b.type : [b.type]);
    const both = (Array.isArray(a.type) ? a.type : [a.type]).filter((t) => bt.has(t));
    out.type = both.length === 1 ? both[0] : both;
  }
  return out;
}

function pointerIn(doc: unknown, fragment: string): unknown {
  return fragment
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (at, key) => (at as Schema | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')],
      doc,
    );
}
