/**
 * Builders for validation vectors. Expected outcomes are written out by hand in the topic files, never
 * computed by the validator: the vectors pin the spec, and the checked-in JSON is what every
 * implementation (this one included) is tested against. The builders only save typing full statements.
 */

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Obj = { [k: string]: Json };

export interface Expect {
  valid: boolean;
  errors: string[];
  queries: string[];
  findings?: { rule: string; pointer: string }[];
}
export interface Test {
  id: string;
  description: string;
  comment?: string;
  data: Json;
  expect: Expect;
}
export interface Case {
  id: string;
  description: string;
  comment?: string;
  section: string;
  level: 'MUST' | 'SHOULD' | 'MAY';
  options: { now: string; censusDate?: string; competenceAge?: number };
  tests: Test[];
}

export const NOW = '2026-11-01T00:00:00Z';

/** The example statement of spec/v1/examples: a parent of an 11-year-old, valid. */
export function base(): Obj {
  return {
    id: '5b0e6c1e-3f6a-4d8e-9a51-2f4c8d7e1a01',
    specVersion: '1.0.0',
    catalogueVersion: '1',
    subject: { upn: 'B801200005001', uln: '1234567899', localId: 'ADM-00412', dateOfBirth: '2015-03-14' },
    setting: { urn: '100000', laEstab: '8012000' },
    expressedBy: { role: 'PAR', personRef: 'C-2231' },
    competenceBasis: 'NA',
    expressedAt: '2026-09-03T08:15:00Z',
    recordedAt: '2026-09-04T10:02:11Z',
    recordedBy: { supplierId: 'SUP-EXAMPLE', system: 'Example MIS', systemVersion: '7.2.1' },
    channel: 'PAPR',
    notice: { id: 'NOTICE-ADMISSIONS', version: '2026.1', language: 'en' },
    choices: [
      { purpose: 'STAT', value: 'NOOB' },
      { purpose: 'RSCH', value: 'NOOB' },
      { purpose: 'RSXT', value: 'OBJT', grounds: "We do not want copies of our child's record sent out." },
      { purpose: 'LINK', value: 'OBJT' },
      { purpose: 'COMM', value: 'DECL' },
      { purpose: 'AIDV', value: 'DECL' },
      { purpose: 'MEDI', value: 'DECL' },
      { purpose: 'OPER', value: 'NOOB' },
      { purpose: 'IMMI', value: 'OBJT' },
      { purpose: 'POLC', value: 'REFU' },
      { purpose: 'APPS', value: 'NOOB' },
    ],
  };
}

const PROVENANCE: Obj = {
  originalSetting: { urn: '100001', laEstab: '8012001' },
  originalChannel: 'PAPR',
  originalRecordedAt: '2026-09-04T10:02:11Z',
  originalRecordedBy: { supplierId: 'SUP-OTHER', system: 'Other MIS' },
  transferredAt: '2026-10-01T12:00:00Z',
};

/** A CTF-imported copy of the base statement, valid. */
export function ctf(): Obj {
  return with_(base(), {
    channel: 'CTFI',
    recordedAt: '2026-10-02T09:00:00Z',
    recordedBy: { supplierId: 'SUP-EXAMPLE', system: 'Example MIS' },
    provenance: structuredClone(PROVENANCE),
  });
}

/** Sets (or, with undefined, deletes) fields by dotted path; `choices.0.value` indexes arrays. */
export function with_(obj: Obj, changes: Record<string, Json | undefined>): Obj {
  const out = structuredClone(obj);
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split('.');
    let target = out as Record<string, Json>;
    for (const k of keys.slice(0, -1)) target = target[k] as Record<string, Json>;
    const last = keys[keys.length - 1]!;
    if (value === undefined) delete target[last];
    else target[last] = value;
  }
  return out;
}
export const b = (changes: Record<string, Json | undefined> = {}) => with_(base(), changes);
export const choices = (...pairs: [string, string][]): Json =>
  pairs.map(([purpose, value]) => ({ purpose, value }));

export function exp(errors: string[] = [], queries: string[] = [], findings?: [string, string][]): Expect {
  return {
    valid: errors.length === 0,
    errors,
    queries,
    ...(findings ? { findings: findings.map(([rule, pointer]) => ({ rule, pointer })) } : {}),
  };
}
export const OK = exp();
export const E = (rule: string, pointer?: string, more: string[] = []) =>
  exp([rule, ...more], [], pointer === undefined ? undefined : [[rule, pointer]]);
export const Q = (rule: string, pointer?: string) =>
  exp([], [rule], pointer === undefined ? undefined : [[rule, pointer]]);

export function t(id: string, description: string, data: Json, expect: Expect, comment?: string): Test {
  return { id, description, data, expect, ...(comment ? { comment } : {}) };
}
export function rule(
  id: string,
  description: string,
  tests: Test[],
  extra: { comment?: string; options?: Partial<Case['options']>; section?: string } = {},
): Case {
  return {
    id,
    description,
    ...(extra.comment ? { comment: extra.comment } : {}),
    section: extra.section ?? `validation.md ${id.replace(/^history-/, '')}`,
    level: 'MUST',
    options: { now: NOW, ...extra.options },
    tests,
  };
}

/** The example statement's id. */
export const UUID = '5b0e6c1e-3f6a-4d8e-9a51-2f4c8d7e1a01';

/** A text of n characters (code points) of `unit`. */
export const LONG = (n: number, unit = 'a') => unit.repeat(n);
