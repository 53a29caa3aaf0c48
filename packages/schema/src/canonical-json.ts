/**
 * RFC 8785 (JCS) canonical JSON: strings, finite numbers, booleans, null, arrays and plain objects. The one
 * serialisation every package uses when two copies of a value must compare equal (store duplicates,
 * resolver tie-breaks) or a hash must be reproducible in another language (log leaves, ledger commitments).
 * Built as text, never as an intermediate object, so a `__proto__` key stays an ordinary key. Members are sorted by UTF-16 code units, which is what Array#sort does, and
 * strings and numbers use ECMAScript serialisation, which is what JCS specifies. A commitment or a leaf
 * hash is only reproducible by a verifier in another language if both sides serialise this way.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value))
        throw new TypeError('canonical JSON has no representation for non-finite numbers');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          out += canonicalJson(value[i]);
        }
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      // Default sort compares UTF-16 code units, which is the order RFC 8785 requires.
      const keys = Object.keys(record).sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const v = record[key];
        if (v === undefined) continue;
        if (!first) out += ',';
        out += `${quote(key)}:${canonicalJson(v)}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`canonical JSON has no representation for ${typeof value}`);
  }
}

// What JSON.stringify escapes in a string: the quote, the backslash, control characters, and (since
// ES2019) surrogates, of which only lone ones are escaped; a string with any of these is left to it.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what it finds
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * A string as JSON.stringify writes it (the form RFC 8785 3.2.2.2 specifies): most strings (ids, codes,
 * dates) need no escape and are only quoted, which signing and verifying a census of statements, each
 * serialised canonically, does tens of times a statement.
 */
function quote(s: string): string {
  return ESCAPED.test(s) ? JSON.stringify(s) : `"${s}"`;
}
