import type { Choice } from '@reuse-pref/schema';

type Value = Choice['value'];
type Kind = 'objection' | 'research-objection' | 'opt-out' | 'consent' | 'none';

/** R6: the values that count as an answer for a purpose of each kind. NOBT is never an answer. */
export function isAnswerFor(kind: Kind, value: Value): boolean {
  switch (kind) {
    case 'consent':
      return value === 'CONS' || value === 'DECL' || value === 'REFU';
    case 'none':
      return false;
    default:
      return value === 'OBJT' || value === 'NOOB' || value === 'REFU';
  }
}

export function isProtective(value: Value): boolean {
  return value === 'OBJT' || value === 'DECL';
}

/** R11: whether data may flow when this value decides. */
export function sharesWhen(kind: Kind, value: Value): boolean {
  if (value === 'NOOB' || value === 'CONS') return true;
  if (value === 'REFU') return kind !== 'consent';
  return false;
}

/**
 * R6a: rank used when one statement answers the same purpose twice (the validator rejects that, but the
 * resolver must still be deterministic, whatever order the choices were listed in): protective first.
 */
export function withinStatementRank(value: Value): number {
  switch (value) {
    case 'OBJT':
    case 'DECL':
      return 0;
    case 'REFU':
      return 1;
    default:
      return 2;
  }
}
