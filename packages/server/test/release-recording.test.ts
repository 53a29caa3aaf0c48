import { generateLogKeyPair } from '@reuse-pref/release';
import type {
  DistributionRequest,
  RegisterPage,
  ReleaseSubjectPage,
  SignedTreeHead,
  SubjectLedger,
} from '@reuse-pref/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The store package's fault injection: a trigger that makes the database refuse a write.
import { failLedgerWrites } from '../../store/test/faults/fail-ledger-writes.js';
import { STORE_KINDS, startTestServer, type TestServer } from './helpers/server.js';
import { answers, uln, upn } from './helpers/statements.js';

const keys = generateLogKeyPair();
const request: DistributionRequest = {
  dsReference: 'DR261101.07',
  recipient: { name: 'University of Example', class: 'ACAD' },
  purposes: ['RSCH'],
  lawfulBasis: 'PUBT',
  dataTiers: [{ identifiability: '2', sensitivity: 'B' }],
  deliveryMode: 'TRE',
  retainUntil: '2028-12-31',
  cohort: { description: 'Pupils in the study' },
  decisionMaker: 'Data Sharing Approval Panel',
  reasons: 'Research into attainment',
  requestedAt: '2026-11-01T09:00:00Z',
};

// Every fourth member is named by ULN too, so their record is filed under two subject ledgers.
const cohort = Array.from({ length: 40 }, (_, i) => ({
  upn: upn(300 + i),
  ...(i % 4 === 0 ? { uln: uln(i) } : {}),
}));

describe.each(STORE_KINDS)('recording a release on the %s store', (kind) => {
  let server: TestServer;
  const evaluate = (key: string) =>
    server.call('/releases', {
      method: 'POST',
      scope: 'distributor:write',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ request, cohort }),
    });
  const treeHead = async () => (await (await server.call('/register/tree-head')).json()) as SignedTreeHead;
  const ledgerOf = async (pupil: string) =>
    (await (
      await server.call(`/subjects/${pupil}/ledger`, { scope: 'distributor:read' })
    ).json()) as SubjectLedger;

  beforeAll(async () => {
    server = await startTestServer('distributor', { store: kind, logSigningKey: keys.privateKey });
    for (const [i, member] of cohort.entries()) {
      if (i % 3 === 0)
        await server.store.statements.append(answers(member.upn, [{ purpose: 'RSCH', value: 'OBJT' }]));
    }
  }, 60_000);
  afterAll(() => server?.close());

  it('keeps nothing of a release whose last write fails, and records it whole once writes succeed', async () => {
    const before = await treeHead();
    const logBefore = await server.store.ledgers.count('release:log');
    // The register entry is the last row a release commits: everything else is written by then.
    const restore = await failLedgerWrites(server.database, 'release:register');
    let failed: Response;
    try {
      failed = await evaluate('attempt-1');
    } finally {
      await restore();
    }
    expect(failed.status).toBe(500);
    // The server reported the injected failure; it is this test's to judge, not an unexpected 500.
    expect(server.errors.splice(0).map((e) => String(e))).toEqual([
      expect.stringMatching(/injected failure/),
    ]);

    // Nothing of it anywhere: log, subject ledgers (by UPN and by ULN), DS reference, register.
    expect((await treeHead()).treeSize).toBe(before.treeSize);
    expect(await server.store.ledgers.count('release:log')).toBe(logBefore);
    expect(await server.store.ledgers.count(`release:ds:${request.dsReference}`)).toBe(0);
    for (const member of cohort) {
      expect((await ledgerOf(member.upn)).entries).toEqual([]);
      if (member.uln) expect((await ledgerOf(member.uln)).entries).toEqual([]);
    }
    const register = (await (await server.call('/register')).json()) as RegisterPage;
    expect(register.items.filter((e) => e.dsReference === request.dsReference)).toEqual([]);

    // The same request again is a first recording (201), not a replay of half a release.
    const recorded = await evaluate('attempt-2');
    expect(recorded.status).toBe(201);
    const decision = (await recorded.json()) as { releaseId: string; counts: { total: number } };
    expect(decision.counts.total).toBe(cohort.length);
    const after = await treeHead();
    expect(after.treeSize).toBe(before.treeSize + cohort.length + 1);
    for (const member of cohort) {
      const [entry] = (await ledgerOf(member.upn)).entries;
      expect(entry).toMatchObject({ releaseId: decision.releaseId, subject: member });
      if (member.uln) expect((await ledgerOf(member.uln)).entries).toEqual([entry]);
    }
    const subjects = await server.call(`/releases/${decision.releaseId}/subjects?limit=100`, {
      scope: 'distributor:read',
    });
    expect(((await subjects.json()) as ReleaseSubjectPage).items.map((i) => i.subject)).toEqual(cohort);
  });

  it('lists a subject’s records kept in one ledger (before decision 0052) first, then one ledger per release, across pages', async () => {
    const pupil = upn(900);
    const record = async (dsReference: string, members: { upn: string }[]) => {
      const response = await server.call('/releases', {
        method: 'POST',
        scope: 'distributor:write',
        headers: { 'content-type': 'application/json', 'idempotency-key': dsReference },
        body: JSON.stringify({ request: { ...request, dsReference }, cohort: members }),
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { releaseId: string }).releaseId;
    };
    const first = await record('DR261101.90', [{ upn: pupil }, { upn: upn(901) }]);
    const [filed] = await server.store.ledgers.readUnder(`release:subject:upn:${pupil}#`);
    expect(filed!.ledger).toMatch(/#\d{15}$/);
    // Two records as an older server filed them, all in one ledger for the key (their releases are
    // made up; the ledger's layout is what is read here).
    const older = ['0b0a0000-0000-4000-8000-000000000001', '0b0a0000-0000-4000-8000-000000000002'];
    const stored = filed!.entry as { entry: Record<string, unknown> };
    await server.store.ledgers.appendAll(
      older.map((releaseId) => ({
        ledger: `release:subject:upn:${pupil}`,
        entry: { ...stored, entry: { ...stored.entry, releaseId } },
      })),
    );
    const second = await record('DR261101.91', [{ upn: pupil }]);
    const expected = [...older, first, second];
    expect((await ledgerOf(pupil)).entries.map((e) => e.releaseId)).toEqual(expected);
    for (const limit of [1, 2, 3]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = (await (
          await server.call(`/subjects/${pupil}/ledger?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, {
            scope: 'distributor:read',
          })
        ).json()) as SubjectLedger;
        seen.push(...page.entries.map((e) => e.releaseId));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(expected);
    }
    // Receipts are found in either layout.
    for (const releaseId of [older[1]!, first, second]) {
      const receipt = await server.call(`/subjects/${pupil}/ledger/${releaseId}/receipt`, {
        scope: 'distributor:read',
      });
      expect(receipt.status).toBe(200);
      expect(((await receipt.json()) as { entry: { releaseId: string } }).entry.releaseId).toBe(releaseId);
    }
  });
});
