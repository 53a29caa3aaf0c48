import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateLogKeyPair, verifyReceipt } from '@reuse-pref/release';
import type {
  DistributionRequest,
  RegisterPage,
  ReleaseDecision,
  ReleaseSubjectPage,
  SignedTreeHead,
  SubjectLedger,
  SubjectReceipt,
} from '@reuse-pref/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/server.js';
import { answers, upn } from './helpers/statements.js';

const keys = generateLogKeyPair();
const IMMI_OBJECTOR = upn(101);
const BOTH_OBJECTOR = upn(102);
const NEVER_ASKED = upn(103);
const CONTENT = upn(104);
const json = { 'content-type': 'application/json' };

const immigration: DistributionRequest = {
  dsReference: 'DR261001.04',
  recipient: { name: 'Home Office Immigration Enforcement', class: 'HOFF' },
  purposes: ['IMMI', 'LINK'],
  lawfulBasis: 'PUBT',
  dataTiers: [{ identifiability: '1', sensitivity: 'C' }],
  deliveryMode: 'EXTR',
  retainUntil: '2027-12-31',
  cohort: { description: 'Pupils named in the request' },
  exemption: { code: 'S2P4', citation: 'DPA 2018 Sch 2 Part 1 para 4' },
  decisionMaker: 'Data Sharing Approval Panel',
  reasons: 'Immigration control under the memorandum of understanding',
  requestedAt: '2026-10-01T09:00:00Z',
};
const cohort = [IMMI_OBJECTOR, BOTH_OBJECTOR, NEVER_ASKED, CONTENT].map((u) => ({ upn: u }));

let dir: string;
let server: TestServer;
let decision: ReleaseDecision;

const evaluate = (body: unknown, key: string) =>
  server.call('/releases', {
    method: 'POST',
    scope: 'distributor:write',
    headers: { ...json, 'idempotency-key': key },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rp-distributor-'));
  server = await startTestServer('distributor', { dir, logSigningKey: keys.privateKey });
  await server.store.statements.append(answers(IMMI_OBJECTOR, [{ purpose: 'IMMI', value: 'OBJT' }]));
  await server.store.statements.append(
    answers(BOTH_OBJECTOR, [
      { purpose: 'IMMI', value: 'OBJT' },
      { purpose: 'LINK', value: 'OBJT' },
    ]),
  );
  await server.store.statements.append(
    answers(CONTENT, [
      { purpose: 'IMMI', value: 'NOOB' },
      { purpose: 'LINK', value: 'NOOB' },
    ]),
  );
  const response = await evaluate({ request: immigration, cohort }, 'immigration-1');
  expect(response.status).toBe(201);
  decision = (await response.json()) as ReleaseDecision;
  expect(response.headers.get('location')).toBe(`/releases/${decision.releaseId}`);
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function ledgerOf(pupil: string, scope = 'distributor:read'): Promise<SubjectLedger> {
  const response = await server.call(`/subjects/${pupil}/ledger`, { scope });
  expect(response.status).toBe(200);
  return (await response.json()) as SubjectLedger;
}

describe('evaluateDistribution with an S2P4 immigration exemption', () => {
  it('counts one override, one exclusion and two inclusions, stated and never asked apart', () => {
    expect(decision.counts).toMatchObject({ total: 4, included: 2, excluded: 1, overridden: 1 });
    expect(decision.counts.byOutcome).toEqual({
      INCL: { stated: 1, default: 1 },
      EXCL: { stated: 1, default: 0 },
      OVRD: { stated: 1, default: 0 },
    });
  });

  it.each([
    { given: 'objected to IMMI only', pupil: IMMI_OBJECTOR, outcome: 'OVRD', overridden: ['IMMI'] },
    { given: 'objected to IMMI and LINK', pupil: BOTH_OBJECTOR, outcome: 'EXCL', overridden: ['IMMI'] },
    { given: 'was never asked', pupil: NEVER_ASKED, outcome: 'INCL', overridden: [] },
    { given: 'said no objection', pupil: CONTENT, outcome: 'INCL', overridden: [] },
  ])('a pupil who $given gets $outcome, and their ledger names every override', async (want) => {
    const ledger = await ledgerOf(want.pupil);
    expect(ledger.subject).toEqual({ upn: want.pupil });
    expect(ledger.entries).toHaveLength(1);
    const [entry] = ledger.entries;
    expect(entry).toMatchObject({
      releaseId: decision.releaseId,
      outcome: want.outcome,
      recipient: immigration.recipient,
      exemption: immigration.exemption,
    });
    const overridden = entry!.purposes.filter((p) => p.overriddenBy === 'S2P4').map((p) => p.purpose);
    expect(overridden).toEqual(want.overridden);
  });

  it('lists every subject outcome a page at a time', async () => {
    const seen: ReleaseSubjectPage['items'] = [];
    let path = `/releases/${decision.releaseId}/subjects?limit=3`;
    for (let pages = 0; pages < 5; pages++) {
      const response = await server.call(path, { scope: 'distributor:read' });
      expect(response.status).toBe(200);
      const page = (await response.json()) as ReleaseSubjectPage;
      seen.push(...page.items);
      if (page.nextCursor === null) break;
      path = `/releases/${decision.releaseId}/subjects?limit=3&cursor=${page.nextCursor}`;
    }
    expect(seen.map((s) => [s.subject.upn, s.outcome.outcome])).toEqual([
      [IMMI_OBJECTOR, 'OVRD'],
      [BOTH_OBJECTOR, 'EXCL'],
      [NEVER_ASKED, 'INCL'],
      [CONTENT, 'INCL'],
    ]);
  });

  it('fetches the decision again by id; an unknown id is 404', async () => {
    const found = await server.call(`/releases/${decision.releaseId}`, { scope: 'distributor:read' });
    expect(await found.json()).toEqual(decision);
    const missing = await server.call('/releases/00000000-0000-4000-8000-000000000000', {
      scope: 'distributor:read',
    });
    expect(missing.status).toBe(404);
  });

  it('records a retried request once: same key replays, same content under a new key is the same release', async () => {
    const replay = await evaluate({ request: immigration, cohort }, 'immigration-1');
    expect(replay.status).toBe(201);
    expect(((await replay.json()) as ReleaseDecision).releaseId).toBe(decision.releaseId);
    const again = await evaluate({ request: immigration, cohort }, 'immigration-2');
    expect(again.status).toBe(200);
    expect(((await again.json()) as ReleaseDecision).releaseId).toBe(decision.releaseId);
    const register = (await (await server.call('/register')).json()) as RegisterPage;
    expect(register.items.filter((e) => e.dsReference === immigration.dsReference)).toHaveLength(1);
  });

  it('refuses the same DS reference with other content (409) and records nothing', async () => {
    const before = (await (await server.call('/register/tree-head')).json()) as SignedTreeHead;
    const response = await evaluate({ request: immigration, cohort: cohort.slice(0, 2) }, 'immigration-3');
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const after = (await (await server.call('/register/tree-head')).json()) as SignedTreeHead;
    expect(after.treeSize).toBe(before.treeSize);
  });

  it.each([
    { given: 'no cohort', body: { request: immigration } },
    {
      given: 'an invalid UPN in the cohort',
      body: { request: immigration, cohort: [{ upn: 'B801200005002' }] },
    },
    {
      given: 'a purpose not in the catalogue',
      body: { request: { ...immigration, purposes: ['XXXX'] }, cohort },
    },
    { given: 'an extra member', body: { request: immigration, cohort, extra: 1 } },
  ])('refuses $given with 422 and records nothing', async ({ body }) => {
    const response = await evaluate(body, `bad-${JSON.stringify(body).length}`);
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { errors: { rule: string }[] };
    expect(problem.errors[0]!.rule).toBe('distribution-evaluation-schema');
  });

  it('needs Idempotency-Key and distributor:write', async () => {
    const noKey = await server.call('/releases', {
      method: 'POST',
      scope: 'distributor:write',
      headers: json,
      body: JSON.stringify({ request: immigration, cohort }),
    });
    expect(noKey.status).toBe(400);
    const readOnly = await server.call('/releases', {
      method: 'POST',
      scope: 'distributor:read',
      headers: { ...json, 'idempotency-key': 'k' },
      body: JSON.stringify({ request: immigration, cohort }),
    });
    expect(readOnly.status).toBe(403);
  });
});

describe('the public register', () => {
  const personal = [IMMI_OBJECTOR, BOTH_OBJECTOR, NEVER_ASKED, CONTENT, '2015-03-14', 'C-2231'];

  it.each([
    { accept: 'application/json', type: 'application/json' },
    { accept: 'text/csv', type: 'text/csv; charset=utf-8' },
    { accept: 'text/html', type: 'text/html; charset=utf-8' },
    { accept: 'text/html;q=0.5, text/csv', type: 'text/csv; charset=utf-8' },
  ])('as $accept: names the release, holds no personal data, needs no token', async ({ accept, type }) => {
    const response = await server.call('/register', { headers: { accept } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    const text = await response.text();
    expect(text).toContain(immigration.dsReference);
    expect(text).toContain('S2P4');
    for (const value of personal) expect(text).not.toContain(value);
  });

  it('pages the JSON register with counts and the log index of each release', async () => {
    const page = (await (await server.call('/register?limit=1')).json()) as RegisterPage;
    expect(page.items[0]).toMatchObject({
      releaseId: decision.releaseId,
      counts: decision.counts,
      exemption: immigration.exemption,
      logIndex: 4,
    });
  });
});

describe('subject receipts', () => {
  const family = `subject:read pupil:${IMMI_OBJECTOR}`;

  it('verify offline with the log public key; a tampered one does not', async () => {
    const response = await server.call(`/subjects/${IMMI_OBJECTOR}/ledger/${decision.releaseId}/receipt`, {
      scope: family,
    });
    expect(response.status).toBe(200);
    const receipt = (await response.json()) as SubjectReceipt;
    expect(receipt.entry.outcome).toBe('OVRD');
    expect(verifyReceipt(receipt, keys.publicKey)).toEqual({ ok: true, problems: [] });
    const tampered: SubjectReceipt = { ...receipt, entry: { ...receipt.entry, outcome: 'EXCL' } };
    expect(verifyReceipt(tampered, keys.publicKey).ok).toBe(false);
  });

  it('a family token reads its own pupil only; the same answer whether or not the other pupil exists', async () => {
    expect((await ledgerOf(IMMI_OBJECTOR, family)).entries).toHaveLength(1);
    for (const other of [BOTH_OBJECTOR, upn(999)]) {
      const response = await server.call(`/subjects/${other}/ledger`, { scope: family });
      expect(response.status).toBe(403);
    }
  });

  it('a pupil no release considered has an empty ledger and no receipt', async () => {
    expect((await ledgerOf(upn(998))).entries).toEqual([]);
    const receipt = await server.call(`/subjects/${upn(998)}/ledger/${decision.releaseId}/receipt`, {
      scope: 'distributor:read',
    });
    expect(receipt.status).toBe(404);
  });
});

describe('recipients to notify of a later objection (Art 19)', () => {
  const notify = (pupil: string, query: string, scope = 'distributor:read') =>
    server.call(`/subjects/${pupil}/recipients-to-notify?${query}`, { scope });
  const after = new Date(Date.parse(immigration.requestedAt) + 365 * 86_400_000).toISOString();

  it.each([
    // Included by default, later objects to LINK: the Home Office had it for LINK.
    { given: 'never asked, objects to LINK', pupil: NEVER_ASKED, purposes: 'LINK', want: [['LINK'], false] },
    // Included for IMMI only under the exemption; a later LINK objection covers what was sent for LINK.
    {
      given: 'overridden, objects to LINK',
      pupil: IMMI_OBJECTOR,
      purposes: 'IMMI,LINK',
      want: [['IMMI', 'LINK'], true],
    },
    {
      given: 'content, objects to both',
      pupil: CONTENT,
      purposes: 'IMMI,LINK,RSCH',
      want: [['IMMI', 'LINK'], false],
    },
  ])('$given: the release is listed with the purposes concerned', async ({ pupil, purposes, want }) => {
    const response = await notify(pupil, `objectionAt=${after}&purposes=${purposes}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      subject: { upn: pupil },
      objectionAt: after,
      purposes: purposes.split(','),
      recipients: [
        {
          recipient: immigration.recipient,
          releaseId: decision.releaseId,
          dsReference: immigration.dsReference,
          decidedAt: decision.decidedAt,
          retainUntil: immigration.retainUntil,
          purposes: want[0],
          underExemption: want[1],
        },
      ],
    });
  });

  it.each([
    {
      given: 'an excluded pupil (nothing was sent)',
      pupil: BOTH_OBJECTOR,
      at: () => after,
      purposes: 'IMMI,LINK',
    },
    {
      given: 'an objection the release already knew of',
      pupil: NEVER_ASKED,
      at: () => decision.decidedAt,
      purposes: 'LINK',
    },
    { given: 'a purpose the release did not cover', pupil: NEVER_ASKED, at: () => after, purposes: 'RSCH' },
    { given: 'a pupil no release considered', pupil: upn(997), at: () => after, purposes: 'LINK' },
  ])('nobody to tell for $given', async ({ pupil, at, purposes }) => {
    const response = await notify(pupil, `objectionAt=${encodeURIComponent(at())}&purposes=${purposes}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { recipients: unknown[] }).recipients).toEqual([]);
  });

  it.each([
    { query: 'purposes=LINK', detail: /objectionAt/ },
    { query: 'objectionAt=2026-13-45&purposes=LINK', detail: /objectionAt/ },
    { query: `objectionAt=${after}`, detail: /purposes must name/ },
    { query: `objectionAt=${after}&purposes=LNKK`, detail: /"LNKK" is not a purpose code/ },
  ])('400 for $query', async ({ query, detail }) => {
    const response = await notify(NEVER_ASKED, query);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toMatch(detail);
  });

  it('a family reads its own pupil only; no token is 401, a producer token 403', async () => {
    const family = `subject:read pupil:${IMMI_OBJECTOR}`;
    const query = `objectionAt=${after}&purposes=IMMI`;
    expect((await notify(IMMI_OBJECTOR, query, family)).status).toBe(200);
    expect((await notify(BOTH_OBJECTOR, query, family)).status).toBe(403);
    expect((await notify(IMMI_OBJECTOR, query, 'producer:read school:*')).status).toBe(403);
    expect((await server.call(`/subjects/${IMMI_OBJECTOR}/recipients-to-notify?${query}`)).status).toBe(401);
  });
});

describe('persistence', () => {
  it('a restarted server rebuilds the same log from the store and its receipts still verify', async () => {
    const before = (await (await server.call('/register/tree-head')).json()) as SignedTreeHead;
    await server.close();
    server = await startTestServer('distributor', { dir, logSigningKey: keys.privateKey });
    const after = (await (await server.call('/register/tree-head')).json()) as SignedTreeHead;
    expect([after.treeSize, after.rootHash]).toEqual([before.treeSize, before.rootHash]);
    const receipt = (await (
      await server.call(`/subjects/${BOTH_OBJECTOR}/ledger/${decision.releaseId}/receipt`, {
        scope: 'distributor:read',
      })
    ).json()) as SubjectReceipt;
    expect(verifyReceipt(receipt, keys.publicKey).ok).toBe(true);
  });
});
