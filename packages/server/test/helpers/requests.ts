import type { DistributionRequest } from '@reuse-pref/schema';

/** A plain research release of the pupils named in the request (RSXT, no exemption). */
export const researchRequest = (dsReference: string): DistributionRequest => ({
  dsReference,
  recipient: { name: 'University research group', class: 'ACAD' },
  purposes: ['RSXT'],
  lawfulBasis: 'PUBT',
  dataTiers: [{ identifiability: '2', sensitivity: 'C' }],
  deliveryMode: 'EXTR',
  retainUntil: '2027-12-31',
  cohort: { description: 'Pupils named in the request' },
  decisionMaker: 'Data Sharing Approval Panel',
  reasons: 'Attainment research',
  requestedAt: '2026-10-01T09:00:00Z',
});
