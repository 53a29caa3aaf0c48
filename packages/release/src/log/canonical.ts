/**
 * RFC 8785 (JCS) canonical JSON for the values the log carries: strings, finite numbers, booleans, null,
 * arrays and plain objects. Members are sorted by UTF-16 code units, which is what Array#sort does, and
 * strings and numbers use ECMAScript serialisation, which is what JCS specifies. A commitment or a leaf
 * hash is only reproducible by a verifier in another language if both sides serialise this way.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value))
        throw new TypeError('canonical JSON has no representation for non-finite numbers');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON has no representation for ${typeof value}`);
  }
}
