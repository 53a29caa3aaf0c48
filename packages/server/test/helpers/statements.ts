import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Statement } from '@reuse-pref/schema';

const example = JSON.parse(
  readFileSync(new URL('../../../../spec/v1/examples/statement.json', import.meta.url), 'utf8'),
) as Statement;

export const SCHOOL_A = { urn: '100000', laEstab: '8012000' };
export const SCHOOL_B = { urn: '100001', laEstab: '8012001' };

/** A valid statement (the published example) with a fresh id, optionally at another school. */
export function statement(overrides: Partial<Statement> = {}): Statement {
  return { ...structuredClone(example), id: randomUUID(), ...overrides };
}

export const ndjson = (records: readonly unknown[]): string =>
  `${records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n')}\n`;
