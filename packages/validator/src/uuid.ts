function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/**
 * Ajv format: the RFC 9562 text form of a UUID (8-4-4-4-12 hex digits, either case). Only that form:
 * ajv-formats also takes a `urn:uuid:` prefix, which other readers reject. A loop rather than a regex
 * because every statement has one, on the hot path.
 */
export function isUuid(s: string): boolean {
  if (
    s.length !== 36 ||
    s.charCodeAt(8) !== 45 ||
    s.charCodeAt(13) !== 45 ||
    s.charCodeAt(18) !== 45 ||
    s.charCodeAt(23) !== 45
  ) {
    return false;
  }
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) continue;
    if (!isHex(s.charCodeAt(i))) return false;
  }
  return true;
}
