import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StatementStore } from '@reuse-pref/store';
import { openSqliteStore } from '@reuse-pref/store/sqlite';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReusePreferenceApp, reusePreferencePlugin } from '../src/index.js';
import { ndjson, SCHOOL_A, statement } from './helpers/statements.js';
import { AUDIENCE, createIssuer, ISSUER, localJwks, type TokenIssuer } from './helpers/tokens.js';

let fastify: FastifyInstance;
let store: StatementStore;
let issuer: TokenIssuer;
let base: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rp-server-fastify-'));
  store = await openSqliteStore({ path: join(dir, 'store.db') });
  issuer = await createIssuer();
  const app = createReusePreferenceApp({
    role: 'receiver',
    store,
    auth: { jwks: localJwks(issuer), issuer: ISSUER, audience: AUDIENCE },
    tokenEndpoint: `${ISSUER}/oauth2/token`,
  });
  fastify = Fastify({ logger: false });
  // Another route of the host application, with Fastify's own JSON parsing, must keep working.
  fastify.post('/echo', async (request) => request.body);
  await fastify.register(reusePreferencePlugin, { app, prefix: '/v1' });
  base = `${await fastify.listen({ host: '127.0.0.1', port: 0 })}/v1`;
});
afterAll(async () => {
  await fastify.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const scope = `receiver:write receiver:read school:${SCHOOL_A.urn}`;
const call = async (path: string, init: RequestInit = {}) => {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${await issuer.token(scope)}`);
  return fetch(`${base}${path}`, { ...init, headers });
};

describe('the Fastify plugin', () => {
  it('serves the capability statement under its prefix', async () => {
    const res = await fetch(`${base}/.well-known/reuse-preference`);
    expect(res.status).toBe(200);
    expect((await res.json()).profiles).toEqual(['receiver']);
  });

  it('ingests a batch atomically and replays it for the same Idempotency-Key', async () => {
    const body = ndjson([statement(), statement()]);
    const send = () =>
      call('/intake/batches', {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', 'idempotency-key': 'fastify-1' },
        body,
      });
    const first = await send();
    expect(first.status).toBe(201);
    const again = await send();
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await store.statements.list(SCHOOL_A.urn)).items).toHaveLength(2);
  });

  it.each([
    ['invalid JSON', 'application/json', '{"a":', 400],
    ['a __proto__ key', 'application/json', '{"__proto__":{"x":1}}', 400],
    ['text/plain', 'text/plain', '{}', 415],
    ['a 10 MB body', 'application/json', `"${'x'.repeat(10 * 1024 * 1024)}"`, 413],
  ])('answers %s with the same problem as the Node adapter', async (_name, type, body, status) => {
    const res = await call('/intake/statements', { method: 'POST', headers: { 'content-type': type }, body });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json(; charset=utf-8)?$/);
  });

  it('leaves the host application’s own body parsing alone', async () => {
    const res = await fetch(`${base.replace(/\/v1$/, '')}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"ok":true}',
    });
    expect(await res.json()).toEqual({ ok: true });
  });
});
