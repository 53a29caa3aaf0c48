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
 * full precision. Every reader takes any JSON value without throwing, because the validator hands it
 * unchecked records. readConflictContent reads these fields, plus each choice's `purpose` and `value`.
 */
function decisionFields(s: Rec, visit: (value: unknown) => void): void {
  const subject = isObject(s.subject) ? s.subject : {};
  const by = isObject(s.expressedBy) ? s.expressedBy : {};
  visit(subject.upn);
  visit(subject.uln);
  visit(subject.localId);
  visit(subject.dateOfBirth);
  visit(by.role);
  visit(by.personRef);
  visit(s.competenceBasis);
  const at = s.expressedAt;
  // An unreadable time is kept as written, wrapped so it never equals a readable one's key.
  visit((typeof at === 'string' ? instantKey(at) : undefined) ?? [at]);
  visit(s.catalogueVersion);
}

const choicesOf = (s: Rec): unknown[] => (Array.isArray(s.choices) ? s.choices : []);

/** One choice as the conflict key reads it: its purpose and value, or undefined for a non-object. */
export type ConflictChoice = { readonly purpose?: unknown; readonly value?: unknown } | undefined;

/**
 * The content conflictKey compares, read without building the key: each decision field in the key's
 * order, then each choice as listed (the key sorts their `purpose=value` texts; a caller combining
 * them must not depend on their order). For a caller that must remember millions of statements by
 * content and can keep no key string each (`reuse-pref validate`'s conflict digest): conflictKey is
 * built on it, so the two never read different fields.
 */
export function readConflictContent(
  s: Statement,
  field: (value: unknown) => void,
  choice: (c: ConflictChoice) => void,
): void {
  const record = s as unknown as Rec;
  decisionFields(record, field);
  for (const c of choicesOf(record)) choice(isObject(c) ? c : undefined);
}

/** Two copies of one id are the same statement exactly when their conflict keys are equal. */
export function conflictKey(s: Statement): string {
  const fields: unknown[] = [];
  const choices: string[] = [];
  readConflictContent(
    s,
    (value) => fields.push(value),
    (c) => choices.push(c ? `${String(c.purpose)}=${String(c.value)}` : '?'),
  );
  fields.push(choices.sort());
  return JSON.stringify(fields);
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
