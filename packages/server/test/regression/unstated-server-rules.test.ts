// Issue 12: rules the server enforced but the contract did not state: Idempotency-Key characters,
// If-Match syntax, NUL rejection, the empty batch, 304 on If-None-Match. Each is now in openapi.yaml;
// here the server's rule and the contract's statement of it are held to each other (for the header
// syntaxes, over generated strings: the server accepts exactly what the contract's schema does).
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readWritePrecondition } from '../../src/http/etag.js';
import { readIdempotencyKey } from '../../src/http/idempotency.js';
import { ProblemError } from '../../src/http/problem.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ndjson, SCHOOL_A, statement } from '../helpers/statements.js';

interface Parameter {
  schema: { enum?: string[] } & object;
}
const spec = parse(readFileSync(new URL('../../../../spec/v1/openapi.yaml', import.meta.url), 'utf8')) as {
  info: { description: string };
  paths: Record<string, Record<string, { description: string; responses: Record<string, unknown> }>>;
  components: {
    parameters: Record<string, Parameter>;
    responses: Record<string, { description: string }>;
  };
};
const parameter = (name: string) => spec.components.parameters[name]!;
const ajv = new Ajv2020({ strict: false });
const accepts = (schema: object) => ajv.compile(schema);

/** Header-like text: mostly visible ASCII, with spaces, controls, quotes and non-ASCII mixed in. */
const headerText = fc.string({
  unit: fc.oneof(
    {
      arbitrary: fc.constantFrom('*', '"', 'W', '/', ',', ' ', '\t', '\u0000', '\u007f', 'é', '😀'),
      weight: 2,
    },
    { arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }), weight: 8 },
  ),
  maxLength: 300,
});

const refusal = (run: () => unknown): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof ProblemError) return error.type;
    throw error;
  }
};

describe('header syntaxes the server enforces are the contract schemas', () => {
  it('Idempotency-Key: accepted exactly when the contract pattern says so', () => {
    const contract = accepts(parameter('IdempotencyKey').schema);
    expect(parameter('IdempotencyKeyRequired').schema).toEqual(parameter('IdempotencyKey').schema);
    fc.assert(
      fc.property(headerText, (key) => {
        expect(refusal(() => readIdempotencyKey(key)) === undefined).toBe(contract(key));
      }),
      { numRuns: 2000 },
    );
  });

  it('If-Match: accepted exactly when the contract pattern says so (a header value has no outer spaces)', () => {
    const contract = accepts(parameter('IfMatch').schema);
    fc.assert(
      fc.property(
        fc
          .oneof(
            headerText,
            headerText.map((t) => `"${t}"`),
          )
          .map((t) => t.trim())
          .filter((t) => t !== ''),
        (value) => {
          const refused = refusal(() => readWritePrecondition({ 'if-match': value }));
          expect(refused === undefined).toBe(contract(value));
          if (refused) expect(refused).toBe('bad-request');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('If-None-Match on a change: only * (the contract enum), anything else 400', () => {
    expect(parameter('IfNoneMatchCreate').schema.enum).toEqual(['*']);
    expect(refusal(() => readWritePrecondition({ 'if-none-match': '*' }))).toBeUndefined();
    for (const value of ['"abc"', 'W/"abc"', '"a", "b"', '**']) {
      expect(refusal(() => readWritePrecondition({ 'if-none-match': value }))).toBe('bad-request');
    }
  });
});

describe('body and response rules the server enforces are stated in the contract', () => {
  let producer: TestServer;
  let receiver: TestServer;
  beforeAll(async () => {
    [producer, receiver] = await Promise.all([startTestServer('producer'), startTestServer('receiver')]);
  });
  afterAll(() => Promise.all([producer.close(), receiver.close()]));
  const scope = `producer:read producer:write receiver:write school:${SCHOOL_A.urn}`;

  it('NUL anywhere in a JSON body is 400 nul-character, as the contract says for every JSON body', async () => {
    expect(spec.info.description).toContain('`nul-character`');
    expect(spec.components.responses.BadRequest!.description).toContain('`nul-character`');
    // The schema alone allows U+0000 in free text (recordedBy.system): only the stated rule refuses it.
    const s = statement({ recordedBy: { supplierId: 'SUP-EXAMPLE', system: 'Example\u0000MIS' } });
    const res = await producer.call(`/schools/${SCHOOL_A.urn}/statements`, {
      method: 'POST',
      scope,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(s),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).type).toBe('https://reuse-pref.org/problems/nul-character');
    expect(await producer.store.statements.get(s.id)).toBeUndefined();
  });

  it('a batch with no record is 400, as submitBatch says', async () => {
    expect(spec.paths['/intake/batches']!.post!.description).toContain('a body with no record is `400`');
    for (const body of ['', '\n', '\r\n  \n']) {
      const res = await receiver.call('/intake/batches', {
        method: 'POST',
        scope,
        headers: { 'content-type': 'application/x-ndjson', 'idempotency-key': `empty-${body.length}` },
        body,
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const one = await receiver.call('/intake/batches', {
      method: 'POST',
      scope,
      headers: { 'content-type': 'application/x-ndjson', 'idempotency-key': 'one' },
      body: ndjson([statement()]),
    });
    expect(one.status).toBe(201);
  });

  it('If-None-Match with the current ETag is 304, which getPupilPreferences declares', async () => {
    const responses = spec.paths['/schools/{urn}/pupils/{pupil}/preferences']!.get!.responses;
    expect(Object.keys(responses)).toContain('304');
    await producer.store.statements.append(statement());
    const path = `/schools/${SCHOOL_A.urn}/pupils/B801200005001/preferences`;
    const etag = (await producer.call(path, { scope })).headers.get('etag')!;
    const same = await producer.call(path, { scope, headers: { 'if-none-match': etag } });
    expect(same.status).toBe(304);
    expect(same.headers.get('etag')).toBe(etag);
    expect(await same.text()).toBe('');
    const withAsOf = await producer.call(`${path}?asOf=2026-11-01T00:00:00Z`, {
      scope,
      headers: { 'if-none-match': etag },
    });
    expect(withAsOf.status).toBe(200);
  });
});
