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
