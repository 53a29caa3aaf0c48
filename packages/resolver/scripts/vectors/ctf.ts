import { kase, st, stated, uid } from '../vector-kit.js';

const provenance = {
  originalSetting: { urn: '100001', laEstab: '8012001' },
  originalChannel: 'PAPR',
  originalRecordedAt: '2025-06-02T10:00:00Z',
  originalRecordedBy: { supplierId: 'SUP-OLD', system: 'Old MIS' },
  transferredAt: '2026-09-10T09:00:00Z',
};

export const ctf = [
  kase({
    id: 'resolver-ctf-import-keeps-expressed-at',
    description: 'a CTF-imported statement is ordered by its original expressedAt, not by when it arrived',
    comment: 'the import arrived after the new school recorded a later answer from the same parent',
    section: 'resolver.md R3',
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({
          id: uid(2),
          person: 'C-1',
          at: '2026-01-01T08:00:00Z',
          rec: '2026-01-02T08:00:00Z',
          choices: { LINK: 'NOOB' },
        }),
        st({
          id: uid(1),
          person: 'C-1',
          at: '2025-06-01T08:00:00Z',
          rec: '2026-09-10T09:05:00Z',
          channel: 'CTFI',
          provenance,
          choices: { LINK: 'OBJT', STAT: 'OBJT' },
        }),
      ],
    },
    tests: [
      { id: 'newer-answer-wins', purpose: 'LINK', expect: stated(true, 'NOOB', uid(2), []) },
      { id: 'imported-answer-decides-alone', purpose: 'STAT', expect: stated(false, 'OBJT', uid(1), []) },
    ],
  }),
];
