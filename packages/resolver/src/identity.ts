import { canonicalJson, instantKey, type Statement } from '@reuse-pref/schema';
import { type Entry, toEntry } from './order.js';

export interface Identified {
  readonly entries: Entry[];
  /** True when two copies of one id differ in decision-relevant content (R2). */
  readonly conflict: boolean;
}

type Rec = Record<string, unknown>;
const isObject = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What makes two copies of one id a conflict: the one definition both the resolver (R2) and the
 * validator's `statement-id-conflict` rule (spec/v1/validation.md 7) use, so the resolver flags exactly
 * the histories the validator rejects. Where and how a copy was recorded, the grounds text and the order
 * of the choices are left out: a CTF re-import is not a conflict. expressedAt counts as an instant at
 * full precision. Reads any JSON value without throwing, because the validator hands it unchecked
 * records.
 */
export function conflictKey(s: Statement): string {
  const record = s as unknown as Rec;
  const subject = isObject(record.subject) ? record.subject : {};
  const by = isObject(record.expressedBy) ? record.expressedBy : {};
  const at = record.expressedAt;
  const instant = typeof at === 'string' ? instantKey(at) : undefined;
  const choices = Array.isArray(record.choices)
    ? record.choices
        .map((c: unknown) => (isObject(c) ? `${String(c.purpose)}=${String(c.value)}` : '?'))
        .sort()
    : [];
  return JSON.stringify([
    subject.upn,
    subject.uln,
    subject.localId,
    subject.dateOfBirth,
    by.role,
    by.personRef,
    record.competenceBasis,
    // An unreadable time is kept as written, wrapped so it never equals a readable one's key.
    instant ?? [at],
    record.catalogueVersion,
    choices,
  ]);
}

/** The fields that choose between copies of one id recorded at the same instant, as RFC 8785 text. */
export function decisionProjection(s: Statement): string {
  return canonicalJson({
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
      byCodeUnit(canonicalJson(a.e.statement), canonicalJson(b.e.statement)),
  );
  const key = conflictKey(ranked[0]!.e.statement);
  return { chosen: ranked[0]!.e, conflict: ranked.some((r) => conflictKey(r.e.statement) !== key) };
}

/**
 * R2: one entry per statement id. The common case (no repeated id) costs one Map insertion per
 * statement and no canonicalisation.
 */
export function identify(statements: readonly Statement[]): Identified {
  const byId = new Map<string, Entry>();
  let repeated: Map<string, Entry[]> | undefined;
  for (let i = 0; i < statements.length; i++) {
    const entry = toEntry(statements[i]!, i);
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
