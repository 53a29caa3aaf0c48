import { canonicalJson } from '@reuse-pref/schema';

/** Partial match: objects by subset, arrays by "each expected element matches some element". */
export function matches(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && expected.every((e) => actual.some((a) => matches(a, e)));
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return false;
    return Object.entries(expected).every(([k, v]) => matches((actual as Record<string, unknown>)[k], v));
  }
  return Object.is(actual, expected);
}

/** Every `rule` string anywhere in a response body (errors[], batch outcomes' findings, ...). */
export function rulesIn(body: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(body)) for (const v of body) rulesIn(v, out);
  else if (typeof body === 'object' && body !== null) {
    for (const [k, v] of Object.entries(body)) {
      if (k === 'rule' && typeof v === 'string') out.add(v);
      else rulesIn(v, out);
    }
  }
  return out;
}

export function pointer(value: unknown, ptr: string): unknown {
  if (ptr === '') return value;
  let v = value;
  for (const raw of ptr.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
  }
  return v;
}

/** Every value a pointer reaches, `*` standing for any one segment (each element or member there). */
export function pointerAll(value: unknown, ptr: string): unknown[] {
  let found: unknown[] = [value];
  for (const raw of ptr === '' ? [] : ptr.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    found = found.flatMap((v) => {
      if (typeof v !== 'object' || v === null) return [];
      if (key === '*') return Object.values(v);
      return key in v ? [(v as Record<string, unknown>)[key]] : [];
    });
  }
  return found;
}

/** Canonical JSON (RFC 8785) of a response value; a missing value (no body) has none. */
function canonical(value: unknown): string | undefined {
  return value === undefined ? undefined : canonicalJson(value);
}

/**
 * Whole equality of two JSON values: the same canonical JSON (RFC 8785), so member order does not count
 * and nothing else does: a member added, dropped or rewritten anywhere is a difference.
 */
export function sameJson(actual: unknown, expected: unknown): boolean {
  return canonical(actual) === canonical(expected);
}

/** The first place two JSON values differ, as `pointer: got … want …`, for a failure message. */
export function difference(actual: unknown, expected: unknown, at = ''): string {
  const bothObjects =
    typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null;
  if (bothObjects && Array.isArray(actual) === Array.isArray(expected)) {
    const a = actual as Record<string, unknown>;
    const b = expected as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    if (Array.isArray(actual) && actual.length !== (expected as unknown[]).length)
      return `${at || '/'}: ${actual.length} item(s), want ${(expected as unknown[]).length}`;
    for (const k of keys) {
      if (!sameJson(a[k], b[k]))
        return difference(a[k], b[k], `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
  }
  const show = (v: unknown) => (v === undefined ? '(absent)' : canonical(v)!.slice(0, 200));
  return `${at || '/'}: got ${show(actual)}, want ${show(expected)}`;
}
