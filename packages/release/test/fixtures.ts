import type { DistributionRequest, EffectivePreference, Statement } from '@reuse-pref/schema';

const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** A valid UPN for pupil number n (check letter computed per the spec). */
export function upn(n: number): string {
  const body = `801200${String(n).padStart(6, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i + 2);
  return `${UPN_LETTERS[sum % 23]}${body}`;
}

export function request(overrides: Partial<DistributionRequest> = {}): DistributionRequest {
  return {
    dsReference: 'DR230101.02',
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
    ...overrides,
  };
}

export function pref(purpose: string, shared: boolean, stated = false): EffectivePreference {
  return {
    purpose,
    kind: 'objection',
    shared,
    value: stated ? (shared ? 'NOOB' : 'OBJT') : null,
    default: !stated,
    decidedBy: stated ? '5b0e6c1e-3f6a-4d8e-9a51-2f4c8d7e1a01' : null,
    decidedByRole: stated ? 'PAR' : null,
    expressedAt: stated ? '2026-09-03T08:15:00Z' : null,
    flags: [],
  };
}

let statementSeq = 0;

/** A valid parent statement for pupil `upnValue` with the given answers. */
export function statement(
  upnValue: string,
  choices: Statement['choices'],
  expressedAt = '2026-09-03T08:15:00Z',
): Statement {
  statementSeq += 1;
  return {
    id: `5b0e6c1e-3f6a-4d8e-9a51-${String(statementSeq).padStart(12, '0')}`,
    specVersion: '1.0.0',
    catalogueVersion: '1',
    subject: { upn: upnValue, dateOfBirth: '2015-03-14' },
    setting: { urn: '100000', laEstab: '8012000' },
    expressedBy: { role: 'PAR', personRef: 'C-2231' },
    competenceBasis: 'NA',
    expressedAt,
    recordedAt: expressedAt,
    recordedBy: { supplierId: 'SUP-EXAMPLE', system: 'Example MIS' },
    channel: 'PAPR',
    notice: { id: 'NOTICE-ADMISSIONS', version: '2026.1', language: 'en' },
    choices,
  };
}
