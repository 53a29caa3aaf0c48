import type { Statement } from '@reuse-pref/schema';
import { canonicalize } from './jcs.js';
import { type Entry, toEntry } from './order.js';

export interface Identified {
  readonly entries: Entry[];
  /** True when two copies of one id differ in a field that can change the outcome (R2). */
  readonly conflict: boolean;
}

/** The fields of a statement that can change what the resolver decides, as RFC 8785 text. */
export function decisionProjection(s: Statement): string {
  return canonicalize({
    choices: s.choices,
    competenceBasis: s.competenceBasis,
    dateOfBirth: s.subject.dateOfBirth,
    expressedAt: s.expressedAt,
    expressedBy: s.expressedBy,
  });
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** R2: which copy of a repeated id stands, whatever order the copies arrived in. */
function pickCopy(copies: Entry[]): { chosen: Entry; conflict: boolean } {
  const ranked = copies.map((e) => ({ e, key: decisionProjection(e.statement) }));
  ranked.sort(
    (a, b) =>
      (a.e.recorded === b.e.recorded ? 0 : a.e.recorded < b.e.recorded ? -1 : 1) ||
      byCodeUnit(a.key, b.key) ||
      byCodeUnit(canonicalize(a.e.statement), canonicalize(b.e.statement)),
  );
  const first = ranked[0]!;
  return { chosen: first.e, conflict: ranked.some((r) => r.key !== first.key) };
}

/**
 * R2: one entry per statement id. The common case (no repeated id) costs one Map insertion per
 * statement and no canonicalisation.
 */
export function identify(statements: readonly Statement[]): Identified {
  const byId = new Map<string, Entry>();
  let repeated: Map<string, Entry[]> | undefined;
  for (const statement of statements) {
    const entry = toEntry(statement);
    const seen = byId.get(entry.id);
    if (seen === undefined) {
      byId.set(entry.id, entry);
      continue;
    }
    repeated ??= new Map();
    const copies = repeated.get(entry.id);
    if (copies) copies.push(entry);
    else repeated.set(entry.id, [seen, entry]);
  }
  let conflict = false;
  if (repeated) {
    for (const [id, copies] of repeated) {
      const picked = pickCopy(copies);
      byId.set(id, picked.chosen);
      conflict ||= picked.conflict;
    }
  }
  return { entries: [...byId.values()], conflict };
}
