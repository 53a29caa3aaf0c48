/** 1 for 0-9, a-f and A-F; 0 for every other code unit below 128. */
const HEX = new Uint8Array(128);
for (const c of '0123456789abcdefABCDEF') HEX[c.charCodeAt(0)] = 1;

/** 1 where a hex digit must be, in the 36-character 8-4-4-4-12 form; the other places hold `-`. */
const HEX_AT = new Uint8Array(36).fill(1);
for (const i of [8, 13, 18, 23]) HEX_AT[i] = 0;

/**
 * Ajv format: the RFC 9562 text form of a UUID (8-4-4-4-12 hex digits, either case). Only that form:
 * ajv-formats also takes a `urn:uuid:` prefix, which other readers reject. A table loop rather than a
 * regex because every statement has one, on the hot path.
 */
export function isUuid(s: string): boolean {
  if (s.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const c = s.charCodeAt(i);
    // c & 127 keeps the index in the table; the c < 128 test rejects what the mask folded in.
    if (HEX_AT[i] === 1 ? HEX[c & 127] !== 1 || c >= 128 : c !== 45) return false;
  }
  return true;
}
