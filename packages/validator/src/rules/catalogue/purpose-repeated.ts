import { nextStamp } from '../../catalogues.js';
import type { Reading } from '../../reading.js';
import { statementRule } from '../rule.js';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first choice naming `purpose`. */
const firstWith = (r: Reading, purpose: string) =>
  r.choices!.findIndex((c: unknown) => isObject(c) && c.purpose === purpose);

export const purposeRepeated = statementRule({
  id: 'purpose-repeated',
  severity: 'error',
  field: 'choices[].purpose',
  message: 'the purpose appears more than once in the statement',
  why: 'One form, one answer per purpose: two answers in one statement cannot be ordered.',
  check(r, report) {
    if (r.choices === undefined) return;
    // A catalogue purpose remembers the last statement that named it (its stamp), so a repeat costs one
    // compare per choice and nothing is allocated; codes outside the catalogue are rare, so they scan.
    const call = nextStamp();
    for (let i = 0; i < r.choices.length; i++) {
      const purpose = r.choicePurposes[i];
      if (purpose === undefined) continue;
      const entry = r.choiceEntries[i];
      const repeated = entry === undefined ? firstWith(r, purpose) < i : entry.seen === call;
      if (entry !== undefined) entry.seen = call;
      if (repeated) {
        report(`/choices/${i}/purpose`, `${purpose} is already in choices[${firstWith(r, purpose)}]`);
      }
    }
  },
});
