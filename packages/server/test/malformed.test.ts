import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/server.js';
import { SCHOOL_A, statement } from './helpers/statements.js';

const URN = SCHOOL_A.urn;
const scope = `producer:write producer:read receiver:write school:${URN}`;
let producer: TestServer;
let receiver: TestServer;
beforeAll(async () => {
  [producer, receiver] = await Promise.all([startTestServer('producer'), startTestServer('receiver')]);
});
afterAll(async () => {
  // Nothing of any malformed request was stored, on either server.
  expect((await producer.store.statements.list(URN)).items).toEqual([]);
  expect((await receiver.store.statements.list(URN)).items).toEqual([]);
  await Promise.all([producer.close(), receiver.close()]);
});

type Body = string | Uint8Array;
interface Target {
  name: string;
  send(body: Body, contentType?: string): Promise<Response>;
}

const targets: Target[] = [
  {
    name: 'submitStatement',
    send: (body, contentType = 'application/json') =>
      producer.call(`/schools/${URN}/statements`, {
        method: 'POST',
        scope,
        headers: { 'content-type': contentType },
        body: body as BodyInit,
      }),
  },
  {
    name: 'submitIntakeStatement',
    send: (body, contentType = 'application/json') =>
      receiver.call('/intake/statements', {
        method: 'POST',
        scope,
        headers: { 'content-type': contentType },
        body: body as BodyInit,
      }),
  },
  {
    name: 'submitBatch',
    send: (body, contentType = 'application/x-ndjson') =>
      receiver.call('/intake/batches', {
        method: 'POST',
        scope,
        headers: { 'content-type': contentType, 'idempotency-key': crypto.randomUUID() },
        body: body as BodyInit,
      }),
  },
];

async function expectProblem(res: Response, status?: number): Promise<{ type: string; status: number }> {
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  if (status !== undefined) expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = await res.json();
  expect(body.status).toBe(res.status);
  expect(body.type).toMatch(/^https:\/\/reuse-pref\.org\/problems\/[a-z0-9-]+$/);
  return body;
}

async function expectUp(): Promise<void> {
  expect((await producer.call('/health')).status).toBe(200);
  expect((await receiver.call('/health')).status).toBe(200);
}

const valid = () => JSON.stringify(statement());
const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const deepObject = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
const withProto = () => valid().replace('{', '{"__proto__":{"polluted":true},');
const withNestedProto = () => valid().replace('"subject":{', '"subject":{"__proto__":{"polluted":true},');
const withConstructor = () => valid().replace('{', '{"constructor":{"prototype":{"polluted":true}},');
const withEscapedNul = () => valid().replace('"system":"Example MIS"', '"system":"Example\\u0000MIS"');
const withRawNul = () => Buffer.from(valid().replace('"channel"', '"chan\u0000nel"'));
const invalidUtf8 = () =>
  Buffer.concat([
    Buffer.from(valid().slice(0, 40)),
    Buffer.from([0xc3, 0x28, 0xff]),
    Buffer.from(valid().slice(40)),
  ]);
const overlong = () => Buffer.from([0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x3a, 0x31, 0x7d]);
const loneSurrogate = () => Buffer.from([0x7b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x3a, 0x31, 0x7d]);
const tenMegabytes = () => `{"pad":"${'x'.repeat(10 * 1024 * 1024)}"}`;

const cases: [string, () => Body, number, string?][] = [
  ['invalid JSON', () => '{"id": ', 400],
  ['an empty body', () => '', 400],
  ['trailing garbage', () => `${valid()} x`, 400],
  ['NUL escaped in a string', withEscapedNul, 400],
  ['a raw NUL byte', withRawNul, 400],
  ['a __proto__ key at the top', withProto, 400],
  ['a __proto__ key nested', withNestedProto, 400],
  ['a constructor.prototype key', withConstructor, 400],
  ['invalid UTF-8', invalidUtf8, 400],
  ['an overlong UTF-8 encoding', overlong, 400],
  ['an encoded lone surrogate', loneSurrogate, 400],
  ['10,000-deep arrays', () => deep(10_000), 400],
  ['10,000-deep objects', () => deepObject(10_000), 400],
  ['a 10 MB body', tenMegabytes, 413],
  ['a JSON null', () => 'null', 422],
  ['a JSON array', () => '[1,2]', 422],
  ['a string', () => '"statement"', 422],
];

describe.each(targets)('$name', (target) => {
  it.each(cases)('refuses %s with a 4xx problem', async (_name, body, status) => {
    const problem = await expectProblem(
      await target.send(body()),
      target.name === 'submitBatch' && status !== 413 ? undefined : status,
    );
    expect(problem.status).toBeLessThan(500);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['text/plain', 415],
    ['application/json; charset=latin1', 415],
    ['application/xml', 415],
    ['multipart/form-data; boundary=x', 415],
  ])('refuses content type %s with 415', async (type, status) => {
    await expectProblem(await target.send(valid(), type), status);
  });

  it('refuses a missing content type with 415', async () => {
    const path =
      target.name === 'submitStatement'
        ? `/schools/${URN}/statements`
        : target.name === 'submitBatch'
          ? '/intake/batches'
          : '/intake/statements';
    const server = target.name === 'submitStatement' ? producer : receiver;
    const res = await server.call(path, {
      method: 'POST',
      scope,
      headers: { 'idempotency-key': crypto.randomUUID() },
      body: new Blob([valid()]),
    });
    await expectProblem(res, 415);
  });
});

describe('properties', () => {
  const runs = { numRuns: 60 };

  it('arbitrary bytes always get a 4xx problem and the server stays up', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...targets),
        fc.uint8Array({ maxLength: 2048 }),
        async (target, bytes) => {
          await expectProblem(await target.send(bytes));
        },
      ),
      runs,
    );
    await expectUp();
  });

  it('arbitrary JSON values always get a 4xx problem', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), fc.jsonValue({ maxDepth: 6 }), async (target, value) => {
        await expectProblem(await target.send(JSON.stringify(value) ?? 'null'));
      }),
      runs,
    );
    await expectUp();
  });

  it('a valid statement with a poisoned key or NUL at a random place gets a 4xx problem', async () => {
    const poison = fc.constantFrom(
      '"__proto__":{"x":1},',
      '"constructor":{"prototype":{}},',
      '"n\\u0000":1,',
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), poison, fc.nat(), async (target, inject, pick) => {
        const text = valid();
        const opens = [...text.matchAll(/\{/g)].map((m) => m.index!);
        const at = opens[pick % opens.length]! + 1;
        await expectProblem(await target.send(`${text.slice(0, at)}${inject}${text.slice(at)}`));
        expect(({} as Record<string, unknown>).x).toBeUndefined();
      }),
      runs,
    );
    await expectUp();
  });
});
