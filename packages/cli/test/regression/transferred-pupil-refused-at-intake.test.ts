// Issue 17 item 3: a pupil who moved school was refused at DfE. A statement imported with a CTF keeps
// its id (decision 0010), so when the new school sent it in its census batch, intake answered
// statement-id-conflict and rejected the whole batch (and a producer hosting both schools refused the
// import itself with 409). A statement is now held once per school: the new school's copy is stored
// beside the old one, and the resolver counts it once. End to end, as schools would do it: school A
// records, `reuse-pref ctf export` at A, `reuse-pref ctf import` at B, B records the imported copy, and
// both schools' census batches (and single statements) are accepted at intake.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolve } from '@reuse-pref/resolver';
import type { Statement } from '@reuse-pref/schema';
import { type RunningServer, startServer } from '@reuse-pref/server';
import { openSqliteStore } from '@reuse-pref/store/sqlite';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureBuilt, repoRoot, runBin } from '../support/bin.js';

const A = { urn: '100000', laEstab: '8012000' };
const B = { urn: '100001', laEstab: '8012001' };
const ISSUER = 'https://auth.test';
const AUDIENCE = 'reuse-pref';

let dir: string;
let producer: RunningServer;
let receiver: RunningServer;
let token: (scope: string) => Promise<string>;

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'rp-transfer-'));
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k', alg: 'ES256' }] });
  token = (scope) =>
    new SignJWT({ scope, client_id: 'mis' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
  const common = {
    auth: { jwks, issuer: ISSUER, audience: AUDIENCE },
    tokenEndpoint: `${ISSUER}/token`,
    logger: () => {},
  };
  // One MIS hosting both schools (as a hosted MIS does), and DfE's intake.
  producer = await startServer({
    ...common,
    role: 'producer',
    store: await openSqliteStore({ path: join(dir, 'mis.db') }),
  });
  receiver = await startServer({
    ...common,
    role: 'receiver',
    store: await openSqliteStore({ path: join(dir, 'intake.db') }),
  });
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await producer?.close();
  await receiver?.close();
  rmSync(dir, { recursive: true, force: true });
});

const published = readFileSync(join(repoRoot, 'spec/v1/examples/statement.json'), 'utf8');
/** The published example statement (a parent's form at school A) with a fresh id. */
const example = (): Statement => ({ ...(JSON.parse(published) as Statement), id: randomUUID() });

async function post(server: RunningServer, path: string, scope: string, type: string, body: string) {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await token(scope)}`,
      'content-type': type,
      'idempotency-key': randomUUID(),
    },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function schoolStatements(urn: string): Promise<Statement[]> {
  const response = await fetch(`${producer.url}/schools/${urn}/statements?limit=1000`, {
    headers: { authorization: `Bearer ${await token(`producer:read school:${urn}`)}` },
  });
  return ((await response.json()) as { items: Statement[] }).items;
}

describe('regression: a pupil who moved school was refused at DfE', () => {
  it('school A records, CTF to school B, and both census batches are accepted at intake', async () => {
    const recorded = example();
    expect(
      (
        await post(
          producer,
          `/schools/${A.urn}/statements`,
          `producer:write school:${A.urn}`,
          'application/json',
          JSON.stringify(recorded),
        )
      ).status,
    ).toBe(201);

    // The CTF, written and read by the CLI as the two schools' systems would.
    const atA = await schoolStatements(A.urn);
    const exported = runBin(
      [
        'ctf',
        'export',
        '--school',
        A.urn,
        '--to-urn',
        B.urn,
        '--to',
        B.laEstab,
        '--date-time',
        '2026-10-19T15:00:00',
        '-',
      ],
      { input: atA.map((s) => JSON.stringify(s)).join('\n') },
    );
    expect(exported.status, exported.stderr).toBe(0);
    const imported = runBin(
      [
        'ctf',
        'import',
        '--into',
        B.urn,
        '--la-estab',
        B.laEstab,
        '--supplier',
        'SUP-B',
        '--recorded-at',
        '2026-10-20T09:00:00Z',
        '-',
      ],
      { input: exported.stdout },
    );
    expect(imported.status, imported.stderr).toBe(0);
    const copies = imported.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Statement);
    expect(copies.map((c) => [c.id, c.channel, c.setting.urn])).toEqual([[recorded.id, 'CTFI', B.urn]]);

    // School B's MIS stores the copy (the same hosted MIS holds A's original).
    for (const copy of copies) {
      const stored = await post(
        producer,
        `/schools/${B.urn}/statements`,
        `producer:write school:${B.urn}`,
        'application/json',
        JSON.stringify(copy),
      );
      expect(stored.status, JSON.stringify(stored.body)).toBe(201);
    }

    // Census day: each school sends what it holds, under its own token.
    for (const school of [A, B]) {
      const batch = (await schoolStatements(school.urn)).map((s) => JSON.stringify(s)).join('\n');
      const sent = await post(
        receiver,
        '/intake/batches',
        `receiver:write school:${school.urn}`,
        'application/x-ndjson',
        batch,
      );
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
      expect((sent.body as { counts: { stored: number } }).counts.stored).toBe(1);
    }

    // DfE holds both copies, each as its school sent it, and resolves them as one statement.
    const history = await receiver.app.services.store.statements.pupilHistory({ upn: recorded.subject.upn! });
    expect(history.map((h) => [h.statement.id, h.statement.setting.urn])).toEqual([
      [recorded.id, A.urn],
      [recorded.id, B.urn],
    ]);
    const resolved = resolve({
      statements: history.map((h) => h.statement),
      subject: recorded.subject,
      asOf: '2026-11-01T00:00:00Z',
    });
    for (const p of resolved.preferences.filter((p) => p.purpose !== 'EDUC')) {
      expect(p.decidedBy).toBe(recorded.id);
      expect(p.flags).not.toContain('statement-id-conflict');
    }
  });

  it('accepts the transferred copy on the single-statement intake route too', async () => {
    const recorded = example();
    const copy: Statement = {
      ...recorded,
      setting: B,
      channel: 'CTFI',
      recordedAt: '2026-10-20T09:00:00Z',
      recordedBy: { supplierId: 'SUP-B', system: 'reuse-pref ctf import' },
      provenance: {
        originalSetting: recorded.setting,
        originalChannel: recorded.channel,
        originalRecordedAt: recorded.recordedAt,
        originalRecordedBy: recorded.recordedBy,
        transferredAt: '2026-10-19T14:00:00Z',
      },
    };
    const first = await post(
      receiver,
      '/intake/statements',
      `receiver:write school:${A.urn}`,
      'application/json',
      JSON.stringify(recorded),
    );
    expect(first.status).toBe(201);
    const second = await post(
      receiver,
      '/intake/statements',
      `receiver:write school:${B.urn}`,
      'application/json',
      JSON.stringify(copy),
    );
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body).toMatchObject({ statementId: recorded.id, outcome: 'stored' });
    // Sent again by school B: its own copy, a duplicate.
    const again = await post(
      receiver,
      '/intake/statements',
      `receiver:write school:${B.urn}`,
      'application/json',
      JSON.stringify(copy),
    );
    expect(again.status).toBe(200);
  });
});
