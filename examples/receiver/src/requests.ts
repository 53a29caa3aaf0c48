import type { DistributionRequest } from '@reuse-pref/schema';

/**
 * Two requests of the kinds the register is full of: academic research inside a trusted research
 * environment, and a Home Office request about named pupils relying on the immigration exemption.
 */
export const RESEARCH_REQUEST: DistributionRequest = {
  dsReference: 'DS-2026-00417',
  recipient: { name: 'University of Exmoor, Centre for Education Research', class: 'ACAD' },
  purposes: ['STAT', 'RSCH'],
  lawfulBasis: 'PUBT',
  dataTiers: [{ identifiability: '2', sensitivity: 'B' }],
  deliveryMode: 'TRE',
  retainUntil: '2029-12-31',
  cohort: { description: 'Pupils on roll at Oakfield Academy (URN 137245) at the autumn 2026 census' },
  decisionMaker: 'DfE Data Sharing Approval Panel',
  reasons:
    'Study of attainment gaps after the pandemic; de-identified record-level data viewed only in the TRE.',
  requestedAt: '2026-10-20T10:00:00Z',
};

export const IMMIGRATION_REQUEST: DistributionRequest = {
  dsReference: 'DS-2026-HO-0031',
  recipient: { name: 'Home Office Immigration Enforcement', class: 'HOFF' },
  purposes: ['IMMI'],
  lawfulBasis: 'PUBT',
  dataTiers: [{ identifiability: '1', sensitivity: 'A' }],
  deliveryMode: 'EXTR',
  retainUntil: '2027-10-31',
  cohort: { description: 'Three named pupils in a Home Office request under the immigration exemption' },
  exemption: { code: 'S2P4', citation: 'Data Protection Act 2018, Schedule 2, Part 1, paragraph 4' },
  decisionMaker: 'DfE Data Protection Officer',
  reasons: 'Address details requested for three named individuals; the exemption was assessed case by case.',
  requestedAt: '2026-10-25T14:00:00Z',
};
