import type {
  DistributionRequest,
  PupilPreferences,
  ReleaseDecision,
  SubjectLedger,
} from '@reuse-pref/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, startTestServer, type TestServer } from '../helpers/server.js';
import { SCHOOL_A, statement, upn } from '../helpers/statements.js';

// Issue 11 item 4. The distributor (and the producer's preferences route) gave the resolver the date of
// birth of the FIRST stored statement that had one, as the caller's own. R4 says the resolver takes the
// date of birth of the LATEST eligible statement (R3 order) when the caller holds none of its own, and
// a caller must not fill it from the statements. Here the admission form (stored first) has a date of
// birth keyed in wrong; the pupil's own later form corrects it. By the corrected date the pupil was 13
// and competent when they said NOOB to LINK, which prevails over the parent's earlier objection. By the
// wrong one the pupil was 10, and the objection would stand.
const PUPIL = upn(4242);
const admission = statement({
  subject: { upn: PUPIL, dateOfBirth: '2016-01-01' },
  expressedBy: { role: 'PAR', personRef: 'C-1' },
  competenceBasis: 'NA',
  expressedAt: '2026-09-01T08:00:00Z',
  recordedAt: '2026-09-01T09:00:00Z',
  choices: [{ purpose: 'LINK', value: 'OBJT' }],
});
const pupilsOwn = statement({
  subject: { upn: PUPIL, dateOfBirth: '2013-01-01' },
  expressedBy: { role: 'PUP', personRef: 'P-1' },
  expressedAt: '2026-09-10T08:00:00Z',
  recordedAt: '2026-09-10T09:00:00Z',
  choices: [{ purpose: 'LINK', value: 'NOOB' }],
});
delete (pupilsOwn as { competenceBasis?: unknown }).competenceBasis;

const request: DistributionRequest = {
  dsReference: 'DR-DOB-0001',
  recipient: { name: 'Linkage Study', class: 'ACAD' },
  purposes: ['LINK'],
  lawfulBasis: 'PUBT',
  dataTiers: [{ identifiability: '2', sensitivity: 'C' }],
  deliveryMode: 'TRE',
  retainUntil: '2029-12-31',
  cohort: { description: 'One pupil' },
  decisionMaker: 'Data Sharing Approval Panel',
  reasons: 'Regression test',
  requestedAt: '2026-10-01T09:00:00Z',
};

describe.each(STORE_KINDS)(
  'the date of birth is the latest eligible statement’s, not the first stored (%s)',
  (kind) => {
    let distributor: TestServer;
    let producer: TestServer;
    const now = () => new Date('2026-11-01T00:00:00Z');

    beforeAll(async () => {
      distributor = await startTestServer('distributor', { store: kind, now });
      producer = await startTestServer('producer', { store: kind, now });
      for (const server of [distributor, producer]) {
        // Stored in this order: the wrong date of birth first.
        await server.store.statements.append(admission);
        await server.store.statements.append(pupilsOwn);
      }
    }, 60_000);
    afterAll(async () => {
      await distributor?.close();
      await producer?.close();
    });

    it('a release includes the pupil on their competent NOOB', async () => {
      const response = await distributor.call('/releases', {
        method: 'POST',
        scope: 'distributor:write',
        headers: { 'content-type': 'application/json', 'idempotency-key': `dob-${kind}` },
        body: JSON.stringify({ request, cohort: [{ upn: PUPIL }] }),
      });
      expect(response.status).toBe(201);
      const decision = (await response.json()) as ReleaseDecision;
      expect(decision.counts).toMatchObject({ total: 1, included: 1, excluded: 0 });
      const ledger = (await (
        await distributor.call(`/subjects/${PUPIL}/ledger`, { scope: 'distributor:read' })
      ).json()) as SubjectLedger;
      expect(ledger.entries[0]!.purposes).toEqual([
        { purpose: 'LINK', shared: true, default: false, decidedBy: pupilsOwn.id },
      ]);
      expect(distributor.errors).toEqual([]);
    });

    it("the producer's preferences route resolves the same", async () => {
      const response = await producer.call(`/schools/${SCHOOL_A.urn}/pupils/${PUPIL}/preferences`, {
        scope: `producer:read school:${SCHOOL_A.urn}`,
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as PupilPreferences;
      expect(body.effective.subject.dateOfBirth).toBe('2013-01-01');
      expect(body.effective.preferences.find((p) => p.purpose === 'LINK')).toMatchObject({
        shared: true,
        value: 'NOOB',
        decidedBy: pupilsOwn.id,
      });
    });
  },
);
