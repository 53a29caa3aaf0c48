import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Statement } from '@reuse-pref/schema';
import { ulnCheckDigit } from '@reuse-pref/validator';

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

const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** A valid UPN for pupil number n (check letter per the spec: weights 2..13 on characters 2..13, mod 23). */
export function upn(n: number): string {
  const body = `801200${String(n).padStart(6, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i + 2);
  return `${UPN_LETTERS[sum % 23]}${body}`;
}

/** A parent's statement about pupil `upnValue` at school A, answering only the given purposes. */
export function answers(upnValue: string, choices: Statement['choices']): Statement {
  return statement({
    subject: { upn: upnValue, dateOfBirth: '2015-03-14' },
    choices,
  });
}

/** A valid ULN near 1000000000 + 13n (a nine-digit start whose remainder is 0 is never issued: skip it). */
export function uln(n: number): string {
  for (let nine = 100_000_000 + 13 * n; ; nine++) {
    const check = ulnCheckDigit(`${nine}0`);
    if (check !== undefined) return `${nine}${check}`;
  }
}
