import { ageOn } from '@reuse-pref/resolver';
import type { EffectivePreference, ResolverFlag } from '@reuse-pref/schema';
import { type Detail, FLAGS, type IndexParameters, REVIEW_DUE } from './index-entry.js';

type Purpose = IndexParameters['catalogue']['purposes'][number];

/**
 * Every combination of flag bits as one frozen list, made once: a preference's flags are read and never
 * changed, and the index holds only these few lists (a frozen one refuses a change instead of letting
 * it reach every member that shares it).
 */
const FLAG_LISTS = Array.from({ length: 1 << FLAGS.length }, (_, bits) =>
  Object.freeze(FLAGS.filter((_, bit) => (bits & (1 << bit)) !== 0)),
) as unknown as ResolverFlag[][];

const QUOTE = 0x22;
const COMMA = 0x2c;
const MINUS = 0x2d;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const N = 0x6e;

/** Where each part of a row's detail text lies: see EntryReader.#scan. */
class DetailPlaces {
  /** Per decider: start and end of its id, role and expressedAt (six offsets). */
  by = new Int32Array(6 * 8);
  /** Per catalogue purpose: start and end of its value (-1: null), its decider (-1: none), its flags. */
  value = new Int32Array(0);
  valueEnd = new Int32Array(0);
  decider = new Int32Array(0);
  flags = new Int32Array(0);
  /** Per catalogue purpose: whether its detail is null. */
  none = new Uint8Array(0);

  constructor(purposes: number) {
    this.value = new Int32Array(purposes);
    this.valueEnd = new Int32Array(purposes);
    this.decider = new Int32Array(purposes);
    this.flags = new Int32Array(purposes);
    this.none = new Uint8Array(purposes);
  }
}

/**
 * Builds the preferences of index rows (see IndexEntry) at one evaluation time, for the requested
 * purposes only, read where they lie in the text the database answered with. A release reads a few
 * thousand rows a batch: parsing each row's detail into objects (JSON.parse: an object, two arrays, an
 * array and strings per purpose) and then building a preference for every catalogue purpose made the
 * lookup one of the young collector's largest sources. Here a row costs the requested purposes'
 * preferences and the strings they hold, nothing else: a value or role is one of a few words, reused;
 * a preference no statement decided and nothing flagged is one frozen object per purpose and bits.
 *
 * The text a row's detail is stored as is `JSON.stringify` of a Detail. Without a backslash in it
 * (every string plain: statement ids, roles, instants and choice codes are) it is read in place;
 * anything else, or any shape not the one indexEntry writes, is parsed as JSON, to the same answer.
 */
export class EntryReader {
  readonly #asOf: string;
  readonly #competenceAge: number;
  /** The requested purposes, in catalogue order, and each one's place in the catalogue. */
  readonly #purposes: Purpose[] = [];
  readonly #places: number[] = [];
  /** The last requested purpose's place in the catalogue (-1: none requested). */
  readonly #last: number;
  /** A preference decided by no statement and flagged by nothing, per requested purpose and bits. */
  readonly #plain: (EffectivePreference | undefined)[] = [];
  /** Values and roles seen so far: a handful of words, each held once. */
  readonly #words: string[] = [];
  readonly #at: DetailPlaces;
  #cursor = 0;

  constructor(parameters: IndexParameters, asOf: string, purposes?: ReadonlySet<string>) {
    this.#asOf = asOf;
    this.#competenceAge = parameters.competenceAge;
    parameters.catalogue.purposes.forEach((purpose, i) => {
      if (purposes && !purposes.has(purpose.code)) return;
      this.#purposes.push(purpose);
      this.#places.push(i);
    });
    this.#last = this.#places.length > 0 ? this.#places[this.#places.length - 1]! : -1;
    this.#at = new DetailPlaces(parameters.catalogue.purposes.length);
  }

  /**
   * The preferences of one row: its bits, its detail at [detailStart, detailEnd) of `text` and its date
   * of birth as JSON (`null` or a string) at [birthStart, birthEnd). `plain`: no backslash in either.
   * The caller has checked that the row answers at this time (detail not null, asOf >= settledFrom).
   */
  read(
    text: string,
    plain: boolean,
    notShared: number,
    stated: number,
    birthStart: number,
    birthEnd: number,
    detailStart: number,
    detailEnd: number,
  ): EffectivePreference[] {
    if (this.#purposes.length === 0) return [];
    const birth = text.charCodeAt(birthStart);
    if (!plain || (birth !== QUOTE && birth !== N) || !this.#scan(text, detailStart, detailEnd)) {
      const detail = JSON.parse(text.slice(detailStart, detailEnd)) as Detail;
      const birth = JSON.parse(text.slice(birthStart, birthEnd)) as string | null;
      return this.#fromDetail(detail, notShared, stated, birth);
    }
    const at = this.#at;
    const out: EffectivePreference[] = new Array(this.#purposes.length);
    // R12's only dependence on the time (before the competence age no review is due yet), worked out
    // only for a row that raises it.
    let reviewDue: boolean | undefined;
    // A decider's id and instant sliced once for the row when it decided the purposes one after
    // another (as one statement mostly decides them all).
    let lastDecider = -1;
    let id: string | null = null;
    let instant: string | null = null;
    for (let j = 0; j < this.#purposes.length; j++) {
      const i = this.#places[j]!;
      const shared = (notShared & (1 << i)) === 0;
      const isDefault = (stated & (1 << i)) === 0;
      if (at.none[i] === 1) {
        out[j] = this.#plainPreference(j, shared, isDefault);
        continue;
      }
      let flagBits = at.flags[i]!;
      if ((flagBits & REVIEW_DUE) !== 0) {
        reviewDue ??= this.#reviewDue(birth === N ? null : text.slice(birthStart + 1, birthEnd - 1));
        if (!reviewDue) flagBits &= ~REVIEW_DUE;
      }
      const value = at.value[i]! < 0 ? null : this.#word(text, at.value[i]!, at.valueEnd[i]!);
      const d = at.decider[i]!;
      let decidedBy: string | null = null;
      let role: string | null = null;
      let expressedAt: string | null = null;
      if (d >= 0) {
        if (d !== lastDecider) {
          id = text.slice(at.by[6 * d]!, at.by[6 * d + 1]!);
          instant = text.slice(at.by[6 * d + 4]!, at.by[6 * d + 5]!);
          lastDecider = d;
        }
        decidedBy = id;
        role = this.#word(text, at.by[6 * d + 2]!, at.by[6 * d + 3]!);
        expressedAt = instant;
      }
      out[j] = this.#preference(j, shared, isDefault, value, decidedBy, role, expressedAt, flagBits);
    }
    return out;
  }

  #reviewDue(dateOfBirth: string | null): boolean {
    return dateOfBirth === null || !(ageOn(dateOfBirth, this.#asOf) < this.#competenceAge);
  }

  /** The same answer from a detail parsed as JSON: a text with escapes, or one not in the usual shape. */
  #fromDetail(
    detail: Detail,
    notShared: number,
    stated: number,
    birth: string | null,
  ): EffectivePreference[] {
    const reviewDue = this.#reviewDue(birth);
    return this.#purposes.map((_, j) => {
      const i = this.#places[j]!;
      const shared = (notShared & (1 << i)) === 0;
      const isDefault = (stated & (1 << i)) === 0;
      const d = detail.p[i] ?? null;
      if (d === null) return this.#plainPreference(j, shared, isDefault);
      const by = d[1] >= 0 ? detail.by[d[1]]! : undefined;
      // Bits past the known flags name nothing (the list holds only known ones).
      const flagBits = d[2] & (reviewDue ? ~0 : ~REVIEW_DUE) & (FLAG_LISTS.length - 1);
      return this.#preference(
        j,
        shared,
        isDefault,
        d[0] ?? null,
        by?.[0] ?? null,
        by?.[1] ?? null,
        by?.[2] ?? null,
        flagBits,
      );
    });
  }

  #plainPreference(j: number, shared: boolean, isDefault: boolean): EffectivePreference {
    const slot = j * 4 + (shared ? 2 : 0) + (isDefault ? 1 : 0);
    let made = this.#plain[slot];
    if (!made) {
      made = Object.freeze(this.#preference(j, shared, isDefault, null, null, null, null, 0));
      this.#plain[slot] = made;
    }
    return made;
  }

  #preference(
    j: number,
    shared: boolean,
    isDefault: boolean,
    value: string | null,
    decidedBy: string | null,
    role: string | null,
    expressedAt: string | null,
    flagBits: number,
  ): EffectivePreference {
    const purpose = this.#purposes[j]!;
    return {
      purpose: purpose.code,
      kind: purpose.kind,
      shared,
      value: value as EffectivePreference['value'],
      default: isDefault,
      decidedBy,
      decidedByRole: role as EffectivePreference['decidedByRole'],
      expressedAt,
      flags: FLAG_LISTS[flagBits]!,
    };
  }

  /** The word at [start, end) of `text`, as the string held for it when it was seen before. */
  #word(text: string, start: number, end: number): string {
    const words = this.#words;
    for (let k = 0; k < words.length; k++) {
      const word = words[k]!;
      if (word.length === end - start && text.startsWith(word, start)) return word;
    }
    const word = text.slice(start, end);
    // A handful in a well-formed index; a store fed anything keeps the list short all the same.
    if (words.length < 64) words.push(word);
    return word;
  }

  /**
   * Finds the parts of a detail text written by indexEntry (`{"by":[[id,role,at],...],"p":[...]}`, each
   * purpose `null` or `[value,decider,flags]`, value `null` or a string) without a backslash in it.
   * False when the text is in any other shape: the caller parses it as JSON instead.
   */
  #scan(text: string, start: number, end: number): boolean {
    const at = this.#at;
    if (!text.startsWith('{"by":[', start)) return false;
    this.#cursor = start + 7;
    let deciders = 0;
    if (text.charCodeAt(this.#cursor) !== CLOSE) {
      for (;;) {
        if (text.charCodeAt(this.#cursor) !== OPEN) return false;
        if (at.by.length < 6 * (deciders + 1)) {
          const grown = new Int32Array(at.by.length * 2);
          grown.set(at.by);
          at.by = grown;
        }
        for (let field = 0; field < 3; field++) {
          // '[' before the first string, ',' before the others.
          if (field > 0 && text.charCodeAt(this.#cursor) !== COMMA) return false;
          if (!this.#string(text, end, 6 * deciders + 2 * field)) return false;
        }
        if (text.charCodeAt(this.#cursor) !== CLOSE) return false;
        deciders += 1;
        this.#cursor += 1;
        if (text.charCodeAt(this.#cursor) !== COMMA) break;
        this.#cursor += 1;
      }
    }
    if (!text.startsWith('],"p":[', this.#cursor)) return false;
    this.#cursor += 7;
    let i = 0;
    const purposes = at.none.length;
    // The purposes after the last one requested are never read: the scan stops there.
    const last = this.#last;
    if (text.charCodeAt(this.#cursor) !== CLOSE && last >= 0) {
      for (;;) {
        if (i >= purposes) return false;
        if (text.startsWith('null', this.#cursor)) {
          at.none[i] = 1;
          this.#cursor += 4;
        } else {
          if (text.charCodeAt(this.#cursor) !== OPEN) return false;
          at.none[i] = 0;
          if (text.charCodeAt(this.#cursor + 1) === QUOTE) {
            // #string reads from the character after the cursor.
            if (!this.#valueString(text, end, i)) return false;
          } else if (text.startsWith('null', this.#cursor + 1)) {
            at.value[i] = -1;
            this.#cursor += 5;
          } else return false;
          if (text.charCodeAt(this.#cursor) !== COMMA) return false;
          this.#cursor += 1;
          const decider = this.#integer(text, end);
          if (decider === undefined || decider >= deciders || text.charCodeAt(this.#cursor) !== COMMA)
            return false;
          this.#cursor += 1;
          const flags = this.#integer(text, end);
          if (flags === undefined || flags < 0 || flags >= FLAG_LISTS.length) return false;
          if (text.charCodeAt(this.#cursor) !== CLOSE) return false;
          this.#cursor += 1;
          at.decider[i] = decider < 0 ? -1 : decider;
          at.flags[i] = flags;
        }
        i += 1;
        if (i > last) return text.startsWith(']}', end - 2);
        if (text.charCodeAt(this.#cursor) !== COMMA) break;
        this.#cursor += 1;
      }
    }
    // Purposes past the end of the list read as null (as `detail.p[i] ?? null` does).
    for (let rest = i; rest < purposes; rest++) at.none[rest] = 1;
    return this.#cursor + 2 === end && text.startsWith(']}', this.#cursor);
  }

  /** A string after the character at the cursor: its bounds into `by` at `slot`; cursor after it. */
  #string(text: string, end: number, slot: number): boolean {
    const open = this.#cursor + 1;
    if (text.charCodeAt(open) !== QUOTE) return false;
    const close = text.indexOf('"', open + 1);
    if (close < 0 || close >= end) return false;
    this.#at.by[slot] = open + 1;
    this.#at.by[slot + 1] = close;
    this.#cursor = close + 1;
    return true;
  }

  #valueString(text: string, end: number, i: number): boolean {
    const open = this.#cursor + 1;
    const close = text.indexOf('"', open + 1);
    if (close < 0 || close >= end) return false;
    this.#at.value[i] = open + 1;
    this.#at.valueEnd[i] = close;
    this.#cursor = close + 1;
    return true;
  }

  /** An integer at the cursor (digits, maybe a minus first); undefined when there is none. */
  #integer(text: string, end: number): number | undefined {
    let at = this.#cursor;
    const negative = text.charCodeAt(at) === MINUS;
    if (negative) at += 1;
    let value = 0;
    const first = at;
    for (; at < end; at++) {
      const digit = text.charCodeAt(at) - 48;
      if (digit < 0 || digit > 9) break;
      value = value * 10 + digit;
    }
    if (at === first || at - first > 9) return undefined;
    this.#cursor = at;
    return negative ? -value : value;
  }
}
