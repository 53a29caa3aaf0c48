import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientCredentials, ReusePrefClient } from '@reuse-pref/client';
import {
  AS_OF,
  BAD_STATEMENTS,
  type DevAuthServer,
  PUPILS,
  pupil,
  type RunningProducer,
  SCHOOL,
  STATEMENTS,
  startDevAuthServer,
  startProducer,
} from '@reuse-pref/example-producer';
import { heldStatements, type RunningRelay, startRelay, uploadToReceiver } from '@reuse-pref/example-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cohortFromIntake,
  type Distributor,
  IMMIGRATION_REQUEST,
  openDistributor,
  RESEARCH_REQUEST,
  type RunningReceiver,
  startReceiver,
} from '../src/index.js';

const school = `school:${SCHOOL.urn}`;
const CLIENTS = [
  { id: 'relay-sync', secret: 'a', scopes: ['producer:read', school] },
  { id: 'relay-upload', secret: 'b', scopes: ['receiver:write', 'receiver:read', school] },
];
const now = () => new Date(AS_OF);
const dir = mkdtempSync(join(tmpdir(), 'rp-example-receiver-'));
let auth: DevAuthServer;
let producer: RunningProducer;
let relay: RunningRelay;
let receiver: RunningReceiver;
let distributor: Distributor;

beforeAll(async () => {
  auth = await startDevAuthServer(CLIENTS);
  const common = { auth: auth.auth, tokenEndpoint: auth.tokenUrl, now, logger: () => {} };
  producer = await startProducer({ ...common, dir: join(dir, 'producer') });
  receiver = await startReceiver({ ...common, dir: join(dir, 'receiver') });
  relay = await startRelay({
    ...common,
    dir: join(dir, 'relay'),
    producer: { url: producer.url, clientId: 'relay-sync', clientSecret: 'a', tokenUrl: auth.tokenUrl },
    schools: [SCHOOL.urn],
    apps: [],
  });
  await relay.sync();
  distributor = await openDistributor(join(dir, 'receiver'));
});
afterAll(async () => {
  distributor.close();
  await relay.close();
  await receiver.close();
  await producer.close();
  await auth.close();
  rmSync(dir, { recursive: true, force: true });
});

const uploader = () =>
  new ReusePrefClient({
    baseUrl: receiver.url,
    auth: new ClientCredentials({
      tokenUrl: auth.tokenUrl,
      clientId: 'relay-upload',
      clientSecret: 'b',
      scopes: CLIENTS[1]!.scopes,
    }),
  });

describe('the reference receiver', () => {
  it('takes the relay’s NDJSON batches whole', async () => {
    const outcomes = await uploadToReceiver(uploader(), heldStatements(relay.store, SCHOOL.urn), 10);
    expect(outcomes).toHaveLength(STATEMENTS.length);
    expect(outcomes.every((o) => o.committed && o.outcome.outcome === 'stored')).toBe(true);
    expect((await receiver.store.statements.list(SCHOOL.urn, { limit: 1000 })).items).toHaveLength(
      STATEMENTS.length,
    );
  });

  it('rejects the held-back records with their rule ids and stores nothing of their batch', async () => {
    const outcomes = await uploadToReceiver(uploader(), BAD_STATEMENTS);
    expect(outcomes.map((o) => [o.committed, o.outcome.outcome])).toEqual(
      BAD_STATEMENTS.map(() => [false, 'rejected']),
    );
    const rules = outcomes.flatMap((o) => o.outcome.findings.map((f) => f.rule));
    expect(rules).toEqual(
      expect.arrayContaining(['upn-check-letter', 'purpose-takes-no-choice', 'expressed-at-in-future']),
    );
    for (const bad of BAD_STATEMENTS) expect(await receiver.store.statements.get(bad.id)).toBeUndefined();
  });
});

describe('the distributor step', () => {
  it('excludes research objectors and counts the never asked', async () => {
    const cohort = await cohortFromIntake(
      receiver.store,
      PUPILS.map((p) => p.subject),
    );
    const { decision, register } = await distributor.decide(RESEARCH_REQUEST, cohort, '2026-11-01T10:00:00Z');
    expect(decision.counts.total).toBe(PUPILS.length);
    expect(decision.counts.excluded).toBeGreaterThan(0);
    expect(decision.counts.decidedByDefault).toBeGreaterThan(0);
    expect(register).toMatchObject({ dsReference: RESEARCH_REQUEST.dsReference, exemption: null });
    expect(JSON.stringify(register)).not.toContain(pupil('Ben Taylor').subject.upn!);
  });

  it('includes immigration objectors only under S2P4, says so in their ledgers, and the receipts verify', async () => {
    const named = ['Ben Taylor', 'Yusuf Hassan', 'Jack Thompson'];
    const cohort = await cohortFromIntake(
      receiver.store,
      named.map((n) => pupil(n).subject),
    );
    const { decision } = await distributor.decide(IMMIGRATION_REQUEST, cohort, '2026-11-01T10:30:00Z');
    expect(decision.counts).toMatchObject({ total: 3, overridden: 2, included: 1, excluded: 0 });
    const head = distributor.signTreeHead();
    const receipts = await distributor.ledger(pupil('Ben Taylor').subject, head);
    const immi = receipts.find((r) => r.entry.dsReference === IMMIGRATION_REQUEST.dsReference)!;
    expect(immi.entry.outcome).toBe('OVRD');
    expect(immi.entry.purposes).toEqual([
      expect.objectContaining({ purpose: 'IMMI', shared: false, overriddenBy: 'S2P4' }),
    ]);
    for (const receipt of receipts) expect(distributor.verify(receipt)).toEqual({ ok: true, problems: [] });
    const tampered = { ...immi, entry: { ...immi.entry, outcome: 'INCL' as const } };
    expect(distributor.verify(tampered).ok).toBe(false);
  });
});
