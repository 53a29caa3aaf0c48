import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFastCheck } from '../src/fast-check.js';
import { Findings } from '../src/findings.js';
import { checkWithAjv, fastStatementCheck } from '../src/schema-check.js';
import { example, mutatedStatement } from './arbitraries.js';
import { loadVectorFiles, type VectorCase } from './load-vectors.js';

// The fast check may only ever skip Ajv: it must say "passes" exactly when Ajv finds nothing. These tests
// hold it to Ajv over every vector, over mutated and arbitrary JSON, and over small schemas that exercise
// each keyword on its own, so a schema edit the compiler reads differently fails here first.

const fast = fastStatementCheck();
const out = new Findings();

function ajvPasses(value: unknown): boolean {
  const bad = checkWithAjv(value, out);
  out.take();
  return bad === undefined;
}

const vectorData: { id: string; data: unknown }[] = loadVectorFiles().flatMap((file) =>
  Array.isArray(file.content)
    ? (file.content as VectorCase[]).flatMap((c) =>
        Array.isArray(c.tests) ? c.tests.map((t) => ({ id: `${c.id}/${t.id}`, data: t.data })) : [],
      )
    : [],
);

describe('fast statement check agrees with Ajv', () => {
  it('on every validation vector', () => {
    expect(vectorData.length).toBeGreaterThan(200);
    const disagreements = vectorData.filter(({ data }) => fast(data) !== ajvPasses(data)).map((v) => v.id);
    expect(disagreements).toEqual([]);
  });

  it('passes the spec example, so valid records really skip Ajv', () => {
    expect(fast(example)).toBe(true);
  });

  it('on statements with one field replaced by arbitrary JSON or removed', () => {
    fc.assert(
      fc.property(mutatedStatement, (value) => fast(value) === ajvPasses(value)),
      { numRuns: 3000 },
    );
  });

  it('on strings of every kind in every string field', () => {
    // Astral characters, lone surrogates, control characters and spaces at the edges are where a
    // hand-written length or pattern check parts from the one Ajv runs.
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({
        unit: fc.constantFrom('A', '0', '9', '-', ' ', '\u0000', '\u{1F600}', '\uD800', 'é', 'Z', '.'),
        maxLength: 40,
      }),
    );
    const stringPaths = [
      ['id'],
      ['specVersion'],
      ['catalogueVersion'],
      ['subject', 'upn'],
      ['subject', 'uln'],
      ['subject', 'localId'],
      ['subject', 'dateOfBirth'],
      ['setting', 'urn'],
      ['expressedBy', 'personRef'],
      ['expressedAt'],
      ['recordedAt'],
      ['recordedBy', 'system'],
      ['notice', 'language'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...stringPaths), text, (path, value) => {
        const copy = structuredClone(example);
        let node = copy as Record<string, unknown>;
        for (const key of path.slice(0, -1)) {
          node[key] ??= {};
          node = node[key] as Record<string, unknown>;
        }
        node[path.at(-1)!] = value;
        return fast(copy) === ajvPasses(copy);
      }),
      { numRuns: 3000 },
    );
  });

  it('on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => fast(value) === ajvPasses(value)),
      { numRuns: 1000 },
    );
  });

  it('says no to what only a JS caller can hand it, leaving Ajv to decide', () => {
    const withUndefined = { ...structuredClone(example), withdrawn: undefined };
    expect(fast(withUndefined)).toBe(false);
    const inherited = Object.create({ extra: 1 }) as Record<string, unknown>;
    Object.assign(inherited, structuredClone(example));
    expect(fast(inherited)).toBe(false);
  });
});

const formats = { uuid: () => true, date: () => true, 'date-time': () => true };
const pattern = (source: string) => {
  const re = new RegExp(source, 'u');
  return (s: string) => re.test(s);
};

function ajvOn(schema: object) {
  const ajv = new Ajv2020({ strict: false });
  for (const name of Object.keys(formats)) ajv.addFormat(name, () => true);
  return ajv.compile(schema);
}

describe('compileFastCheck, keyword by keyword, against Ajv', () => {
  const table: { name: string; schema: object; given: unknown[] }[] = [
    {
      name: 'maxLength counts code points',
      schema: { type: 'string', maxLength: 2 },
      given: ['ab', 'abc', '\u{1F600}\u{1F600}', '\u{1F600}a\u{1F600}', '\uD800\uD800', '\uD800\uD800\uD800'],
    },
    {
      name: 'minLength counts code points',
      schema: { type: 'string', minLength: 2 },
      given: ['a', 'ab', '\u{1F600}', '\u{1F600}\u{1F600}', '\uD800', '\uD800\uDC00', '\uDC00\uD800'],
    },
    {
      name: 'pattern',
      schema: { type: 'string', pattern: '^[0-9]{3}$' },
      given: ['123', '12', '1234', '١٢٣', 12],
    },
    {
      name: 'enum of strings and null',
      schema: { enum: ['A', 'B', null] },
      given: ['A', 'C', null, 0, ['A']],
    },
    {
      name: 'integer and number',
      schema: {
        type: 'object',
        properties: { i: { type: 'integer' }, n: { type: 'number' } },
      },
      given: [{ i: 1, n: 1.5 }, { i: 1.5 }, { n: '1' }, { i: 1e300 }, {}, []],
    },
    {
      name: 'required, additionalProperties false and anyOf of required',
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'boolean' } },
        required: ['c'],
        anyOf: [{ required: ['a'] }, { required: ['b'] }],
      },
      given: [
        { a: 'x', c: true },
        { b: 'x', c: false },
        { c: true },
        { a: 'x', b: 'y', c: true },
        { a: 'x', c: true, d: 1 },
        { a: 1, c: true },
        JSON.parse('{"a":"x","c":true,"__proto__":1}'),
        JSON.parse('{"a":"x","c":true,"constructor":1}'),
      ],
    },
    {
      name: 'items, minItems and maxItems',
      schema: {
        type: 'array',
        minItems: 1,
        maxItems: 2,
        items: { type: 'object', properties: { p: { type: 'string' } }, required: ['p'] },
      },
      given: [[{ p: 'a' }], [], [{ p: 'a' }, { p: 'b' }, { p: 'c' }], [{ q: 1 }], [null], 'x'],
    },
    {
      name: 'type list and checks that apply only to their own type',
      schema: { type: ['string', 'null'], minLength: 1 },
      given: ['', 'a', null, 1],
    },
    {
      name: 'no type: string checks apply to strings only',
      schema: { minLength: 2, pattern: '^a', minItems: 1 },
      given: ['ab', 'b', 'a', 5, [], [1], {}],
    },
  ];

  it.each(table)('$name', ({ schema, given }) => {
    const check = compileFastCheck(schema, { formats, pattern });
    const ajv = ajvOn(schema);
    const got = given.map((v) => check(v));
    const want = given.map((v) => ajv(v));
    expect(got).toEqual(want);
  });

  it('refuses a keyword it does not check, naming it and where it is', () => {
    expect(() =>
      compileFastCheck(
        { type: 'object', properties: { a: { type: 'string', const: 'x' } } },
        { formats, pattern },
      ),
    ).toThrow('fast check: keyword "const" at /a is not supported');
  });

  it('refuses an unknown format', () => {
    expect(() => compileFastCheck({ type: 'string', format: 'email' }, { formats, pattern })).toThrow(
      'format "email"',
    );
  });
});
