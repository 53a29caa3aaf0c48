import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Builders for resolver vectors. Expectations are always written out by hand in the topic files: the
 * generator never asks the resolver what the answer is, or the vectors would only pin today's bugs.
 */

const examplePath = fileURLToPath(new URL('../../../spec/v1/examples/statement.json', import.meta.url));
const example = JSON.parse(readFileSync(examplePath, 'utf8')) as Record<string, unknown>;

export type Value = 'OBJT' | 'NOOB' | 'CONS' | 'DECL' | 'REFU' | 'NOBT';
export type Role = 'PUP' | 'PAR' | 'CAR' | 'CORP' | 'REP' | 'SCH';
export type Basis = 'ASSD' | 'PR12' | 'AUTH' | 'BINT' | 'NA';

export interface StatementSpec {
  id: string;
  at: string;
  /** Defaults to `at`. */
  rec?: string;
  role?: Role;
  person?: string;
  basis?: Basis;
  /** Object for the usual case; pairs when a purpose repeats or order matters. */
  choices: Partial<Record<string, Value>> | [string, Value, string?][];
  /** Date of birth on the statement's subject; omitted when undefined. */
  dob?: string;
  /** Overrides the subject's localId (the MIS admission number). */
  localId?: string;
  channel?: string;
  provenance?: Record<string, unknown>;
  catalogueVersion?: string;
  notice?: Record<string, unknown>;
  recordedBy?: Record<string, unknown>;
}

/** A full, schema-valid statement built on spec/v1/examples/statement.json. */
export function st(o: StatementSpec): Record<string, unknown> {
  const role = o.role ?? 'PAR';
  const choices = Array.isArray(o.choices)
    ? o.choices.map(([purpose, value, grounds]) => ({ purpose, value, ...(grounds ? { grounds } : {}) }))
    : Object.entries(o.choices).map(([purpose, value]) => ({ purpose, value }));
  const subject: Record<string, unknown> = {
    upn: 'B801200005001',
    uln: '1234567899',
    localId: o.localId ?? 'ADM-00412',
  };
  if (o.dob !== undefined) subject.dateOfBirth = o.dob;
  const statement: Record<string, unknown> = {
    id: o.id,
    specVersion: example.specVersion,
    catalogueVersion: o.catalogueVersion ?? '1',
    subject,
    setting: example.setting,
    expressedBy: { role, personRef: o.person ?? (role === 'PUP' ? 'ADM-00412' : 'C-2231') },
  };
  const basis = o.basis ?? (role === 'PUP' ? undefined : 'NA');
  if (basis !== undefined) statement.competenceBasis = basis;
  statement.expressedAt = o.at;
  statement.recordedAt = o.rec ?? o.at;
  statement.recordedBy = o.recordedBy ?? example.recordedBy;
  statement.channel = o.channel ?? 'ONLN';
  statement.notice = o.notice ?? example.notice;
  statement.choices = choices;
  if (o.provenance) statement.provenance = o.provenance;
  return statement;
}

/** A readable v4-shaped UUID: `uid(7)` is 00000000-0000-4000-8000-000000000007. */
export function uid(n: number, prefix = '00000000'): string {
  return `${prefix}-0000-4000-8000-${n.toString().padStart(12, '0')}`;
}

export interface Expect {
  shared: boolean;
  value: Value | null;
  decidedBy: string | null;
  default: boolean;
  flags?: string[];
}

/** A stated answer decided it. */
export function stated(shared: boolean, value: Value, decidedBy: string, flags: string[] = []): Expect {
  return { shared, value, decidedBy, default: false, flags };
}

/** Nobody answered: the kind's default. */
export function byDefault(shared: boolean, flags: string[] = []): Expect {
  return { shared, value: null, decidedBy: null, default: true, flags };
}

/** A test of one purpose's effective preference. */
export interface PreferenceTestSpec {
  id: string;
  purpose: string;
  description?: string;
  comment?: string;
  expect: Expect;
}

/** A test that the resolver refuses the whole input, naming where (resolver.md 1). */
export interface RefusalTestSpec {
  id: string;
  description?: string;
  comment?: string;
  /** JSON Pointer into the input with the statements in the order given. */
  expect: { refused: { pointer: string } };
}

/** A test of the output subject (resolver.md 1), compared as whole RFC 8785 JSON. */
export interface SubjectTestSpec {
  id: string;
  description?: string;
  comment?: string;
  expect: { subject: Record<string, unknown> };
}

export type TestSpec = PreferenceTestSpec | RefusalTestSpec | SubjectTestSpec;

/** The resolver must refuse the input because of the value at `pointer`. */
export function refused(pointer: string): RefusalTestSpec['expect'] {
  return { refused: { pointer } };
}

export interface CaseSpec {
  id: string;
  description: string;
  comment?: string;
  section: string;
  level?: 'MUST' | 'SHOULD' | 'MAY';
  input: {
    subject?: { dateOfBirth?: string };
    asOf: string;
    competenceAge?: number;
    catalogueVersion?: string;
    statements: Record<string, unknown>[];
  };
  tests: TestSpec[];
}

export const AS_OF = '2026-11-01T00:00:00Z';

export function kase(c: CaseSpec): CaseSpec & { level: 'MUST' | 'SHOULD' | 'MAY' } {
  return {
    id: c.id,
    description: c.description,
    ...(c.comment ? { comment: c.comment } : {}),
    section: c.section,
    level: c.level ?? 'MUST',
    input: c.input,
    tests: c.tests,
  };
}
