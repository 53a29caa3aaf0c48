import type { RegExpEngine, RegExpLike } from 'ajv/dist/types/index.js';

/*
 * Hand-written matchers for the exact pattern strings the v1 schemas use. Ajv calls RegExp.prototype.test
 * some twenty times per statement, and the regex builtin's fixed cost was a third of the schema check; a
 * charCodeAt loop the JIT can inline costs a fraction of it. Keyed by the pattern's exact text, so a
 * pattern edited in the schema no longer matches a key and falls back to a real RegExp: correct by
 * construction, only slower. test/pattern-engine.test.ts checks every matcher against the RegExp it
 * replaces, including astral characters and lone surrogates.
 */

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isLower = (c: number): boolean => c >= 97 && c <= 122;
/** [A-HJ-NP-RT-Z]: the UPN alphabet, A to Z without I, O and S. */
const isUpnLetter = (c: number): boolean => isUpper(c) && c !== 73 && c !== 79 && c !== 83;

function digits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/** \x00-\x1f and \x7f. */
const isControl = (c: number): boolean => c <= 0x1f || c === 0x7f;

/**
 * \s (WhiteSpace and LineTerminator) or a control character. Every member is a BMP character that is
 * not a surrogate, so a code unit is in the set exactly when the code point it belongs to is: that is why
 * this code-unit loop gives the same answer as the pattern read with the `u` flag.
 */
function isSpaceOrControl(c: number): boolean {
  if (c <= 0x20) return c <= 0x1f || c === 0x20;
  if (c < 0xa0) return c === 0x7f;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** ^[^\s\x00-\x1f\x7f]([^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f])?$: printable, no space at either end. */
function isTrimmedPrintable(s: string): boolean {
  const n = s.length;
  if (n === 0 || isSpaceOrControl(s.charCodeAt(0)) || isSpaceOrControl(s.charCodeAt(n - 1))) return false;
  for (let i = 1; i < n - 1; i++) if (isControl(s.charCodeAt(i))) return false;
  return true;
}

/** ^[0-9]+\.[0-9]+\.[0-9]+$ */
function isSemver(s: string): boolean {
  let dots = 0;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) run++;
    else if (c === 46 && run > 0 && dots < 2) {
      dots++;
      run = 0;
    } else return false;
  }
  return dots === 2 && run > 0;
}

/** ^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$: segments split on `-` are deterministic, none may be empty. */
function isLanguageTag(s: string): boolean {
  const n = s.length;
  let i = 0;
  while (i < n && isLower(s.charCodeAt(i))) i++;
  if (i < 2 || i > 3) return false;
  while (i < n) {
    if (s.charCodeAt(i) !== 45) return false;
    const start = ++i;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (!(isDigit(c) || isUpper(c) || isLower(c))) break;
    }
    if (i - start < 2 || i - start > 8) return false;
  }
  return true;
}

/** [A-Za-z0-9_-]: the base64url alphabet. */
const isBase64url = (c: number): boolean => isDigit(c) || isUpper(c) || isLower(c) || c === 95 || c === 45;

/** ^[A-Za-z0-9_-]{2,2048}\.\.[A-Za-z0-9_-]{2,1024}$: a detached compact JWS (signatures.md 3). */
function isDetachedJws(s: string): boolean {
  const n = s.length;
  let i = 0;
  while (i < n && isBase64url(s.charCodeAt(i))) i++;
  if (i < 2 || i > 2048 || s.charCodeAt(i) !== 46 || s.charCodeAt(i + 1) !== 46) return false;
  const start = i + 2;
  for (i = start; i < n; i++) if (!isBase64url(s.charCodeAt(i))) return false;
  return n - start >= 2 && n - start <= 1024;
}

const exactDigits =
  (n: number) =>
  (s: string): boolean =>
    s.length === n && digits(s, 0, n);

export const fastMatchers: Readonly<Record<string, (s: string) => boolean>> = {
  '^[0-9]+\\.[0-9]+\\.[0-9]+$': isSemver,
  '^[1-9][0-9]{0,5}$': (s) => {
    const n = s.length;
    const c = s.charCodeAt(0);
    return n >= 1 && n <= 6 && c >= 49 && c <= 57 && digits(s, 1, n);
  },
  '^[A-HJ-NP-RT-Z][0-9]{11}[0-9A-HJ-NP-RT-Z]$': (s) => {
    if (s.length !== 13 || !isUpnLetter(s.charCodeAt(0)) || !digits(s, 1, 12)) return false;
    const c = s.charCodeAt(12);
    return isDigit(c) || isUpnLetter(c);
  },
  '^[0-9]{10}$': exactDigits(10),
  '^[0-9]{7}$': exactDigits(7),
  '^[0-9]{6}$': exactDigits(6),
  '^[A-Z]{4}$': (s) =>
    s.length === 4 &&
    isUpper(s.charCodeAt(0)) &&
    isUpper(s.charCodeAt(1)) &&
    isUpper(s.charCodeAt(2)) &&
    isUpper(s.charCodeAt(3)),
  '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$': isLanguageTag,
  '^[^\\s\\x00-\\x1f\\x7f]([^\\x00-\\x1f\\x7f]*[^\\s\\x00-\\x1f\\x7f])?$': isTrimmedPrintable,
  '^[A-Za-z0-9_-]{2,2048}\\.\\.[A-Za-z0-9_-]{2,1024}$': isDetachedJws,
};

/** Ajv keys compiled patterns by toString(), so each matcher must name its own pattern. */
class FastPattern implements RegExpLike {
  constructor(
    private readonly source: string,
    readonly test: (s: string) => boolean,
  ) {}

  toString(): string {
    return `fast:${this.source}`;
  }
}

const knownMatcher = (pattern: string) =>
  Object.hasOwn(fastMatchers, pattern) ? fastMatchers[pattern] : undefined;

/** Ajv's `code.regExp`: a fast matcher for a known pattern, a real RegExp for any other. */
export const patternEngine: RegExpEngine = Object.assign(
  (pattern: string, flags: string): RegExpLike => {
    const match = knownMatcher(pattern);
    return match === undefined ? new RegExp(pattern, flags) : new FastPattern(pattern, match);
  },
  { code: 'patternEngine' },
);

/** The same choice as a plain yes/no function (for the fast check): a JSON Schema pattern reads as `u`. */
export function patternMatcher(pattern: string): (s: string) => boolean {
  const match = knownMatcher(pattern);
  if (match) return match;
  const re = new RegExp(pattern, 'u');
  return (s) => re.test(s);
}
