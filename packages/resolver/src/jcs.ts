/**
 * RFC 8785 JSON Canonicalization Scheme for the JSON values a statement holds. Only used to break ties
 * between conflicting copies of one statement id, so it is off the hot path.
 */
export function canonicalize(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    // ECMAScript serialisation of strings, numbers and literals is exactly what RFC 8785 prescribes.
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map(canonicalize).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalize(record[k])}`).join(',')}}`;
}
