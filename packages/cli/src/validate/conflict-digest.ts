import { type ConflictChoice, readConflictContent } from '@reuse-pref/resolver';
import type { Statement } from '@reuse-pref/schema';

/**
 * A 53-bit number equal for two statements whenever their conflict keys (resolver `conflictKey`, R2) are
 * equal, and otherwise different but for a 2^-53 chance: `reuse-pref validate` remembers millions of
 * statements by content over a national file and can keep no key string each. It hashes what
 * conflictKey would write, without writing it, from the same reader (resolver `readConflictContent`):
 * each field as its JSON type and text (undefined and null alike, as JSON arrays write both as null), and
 * the choices' `purpose=value` texts combined in any order (a sum with their count, matching the key's
 * sorted list). A test holds the two to each other. Lives here, beside its one user, rather than in the
 * resolver: it is no part of the algorithm an implementation must follow, so no conformance vector can
 * judge it (issue 11).
 */
export function conflictDigest(s: Statement): number {
  FIELDS.reset();
  CHOICES.low = 0;
  CHOICES.high = 0;
  CHOICES.count = 0;
  readConflictContent(s, hashField, hashChoice);
  FIELDS.code(CHOICES.count);
  FIELDS.code(CHOICES.low);
  FIELDS.code(CHOICES.high);
  return FIELDS.end();
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

// One hasher each for the fields and the current choice, and one running sum of the choices, for every
// call: a digest is computed synchronously from start to end, so nothing can interleave, and a national
// file then allocates nothing per statement here.
const FIELDS = new TextHash();
const CHOICE = new TextHash();
const CHOICES = { low: 0, high: 0, count: 0 };
const hashField = (value: unknown): void => FIELDS.value(value);
function hashChoice(c: ConflictChoice): void {
  CHOICE.reset();
  if (c) {
    // One text, as the key writes it: "A=B" "C" and "A" "B=C" are both A=B=C.
    CHOICE.chars(typeof c.purpose === 'string' ? c.purpose : String(c.purpose));
    CHOICE.code(0x3d);
    CHOICE.chars(typeof c.value === 'string' ? c.value : String(c.value));
  } else CHOICE.chars('?');
  CHOICE.end();
  CHOICES.low = (CHOICES.low + CHOICE.h1) >>> 0;
  CHOICES.high = (CHOICES.high + CHOICE.h2) >>> 0;
  CHOICES.count++;
}
