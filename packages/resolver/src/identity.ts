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
 * unchecked records. conflictKey and conflictDigest both read these fields, plus each choice's
 * `purpose=value`.
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

/** Two copies of one id are the same statement exactly when their conflict keys are equal. */
export function conflictKey(s: Statement): string {
  const record = s as unknown as Rec;
  const choices = choicesOf(record)
    .map((c: unknown) => (isObject(c) ? `${String(c.purpose)}=${String(c.value)}` : '?'))
    .sort();
  const fields: unknown[] = [];
  decisionFields(record, (value) => fields.push(value));
  fields.push(choices);
  return JSON.stringify(fields);
}

/**
 * A 53-bit number equal for two statements whenever their conflict keys are equal, and otherwise
 * different but for a 2^-53 chance: for a caller that must remember millions of statements by content
 * (`reuse-pref validate` over a national file) and can keep no key string each. It hashes what
 * conflictKey would write, without writing it: each field as its JSON type and text (undefined and null
 * alike, as JSON arrays write both as null), and the choices' `purpose=value` texts combined in any order
 * (a sum with their count, matching the key's sorted list). A test holds the two to each other.
 */
export function conflictDigest(s: Statement): number {
  const record = s as unknown as Rec;
  const hash = DIGEST;
  hash.reset();
  decisionFields(record, hashField);
  let low = 0;
  let high = 0;
  let count = 0;
  const fieldLanes1 = hash.h1;
  const fieldLanes2 = hash.h2;
  for (const c of choicesOf(record)) {
    hash.reset();
    if (isObject(c)) {
      // One text, as the key writes it: "A=B" "C" and "A" "B=C" are both A=B=C.
      hash.chars(typeof c.purpose === 'string' ? c.purpose : String(c.purpose));
      hash.code(0x3d);
      hash.chars(typeof c.value === 'string' ? c.value : String(c.value));
    } else hash.chars('?');
    hash.end();
    low = (low + hash.h1) >>> 0;
    high = (high + hash.h2) >>> 0;
    count++;
  }
  hash.h1 = fieldLanes1;
  hash.h2 = fieldLanes2;
  hash.code(count);
  hash.code(low);
  hash.code(high);
  return hash.end();
}

// Type tags: a string and the same digits as a number must not hash alike.
const NULL = 0x110000;
const STRING = 0x110001;
const OTHER = 0x110002;
const END = 0x110003;
const INTEGER = 0x110004;

/**
 * Two 32-bit multiply-xorshift lanes; codes above U+FFFF are tags no text holds. A field's text is taken
 * two UTF-16 code units a step (one 32-bit word) after its length, so "A" and "A\u0000" still differ.
 */
class TextHash {
  h1 = 0;
  h2 = 0;

  constructor() {
    this.reset();
  }

  reset(): void {
    this.h1 = 0xdeadbeef;
    this.h2 = 0x41c6ce57;
  }

  code(c: number): void {
    this.h1 = Math.imul(this.h1 ^ c, 2654435761);
    this.h2 = Math.imul(this.h2 ^ c, 1597334677);
  }

  /** Text a code unit a step, with no length: pieces hashed one after another hash as their join. */
  chars(t: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  /** Text as one field: its length, then two code units a step. */
  text(t: string): void {
    const n = t.length;
    let h1 = Math.imul(this.h1 ^ n, 2654435761);
    let h2 = Math.imul(this.h2 ^ n, 1597334677);
    let i = 0;
    for (; i + 1 < n; i += 2) {
      const w = t.charCodeAt(i) | (t.charCodeAt(i + 1) << 16);
      h1 = Math.imul(h1 ^ w, 2654435761);
      h2 = Math.imul(h2 ^ w, 1597334677);
    }
    if (i < n) {
      const c = t.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  /**
   * One field as conflictKey's JSON array would write it. A whole number (an instant's key, mostly) is
   * taken as two words instead of its text: two safe integers write the same JSON exactly when they are
   * equal (0 and -0 both write 0, and hash alike), and no other value writes a safe integer's text.
   */
  value(v: unknown): void {
    if (v === undefined || v === null) this.code(NULL);
    else if (typeof v === 'string') {
      this.code(STRING);
      this.text(v);
    } else if (typeof v === 'number' && Number.isSafeInteger(v)) {
      this.code(INTEGER);
      this.code(v >>> 0);
      this.code(Math.floor(v / 4294967296) | 0);
    } else {
      this.code(OTHER);
      this.text(JSON.stringify(v) ?? 'null');
    }
    this.code(END);
  }

  /** Finishes: both lanes avalanched, as a whole number below 2^53. */
  end(): number {
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    this.h1 = h1 >>> 0;
    this.h2 = h2 >>> 0;
    return 4294967296 * (2097151 & this.h2) + this.h1;
  }
}

// One hasher for every call: a digest is computed synchronously from start to end, so nothing can
// interleave, and a national file then allocates nothing per statement here.
const DIGEST = new TextHash();
const hashField = (value: unknown): void => DIGEST.value(value);

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
