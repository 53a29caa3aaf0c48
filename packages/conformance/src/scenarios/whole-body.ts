import { canonicalJson } from '@reuse-pref/schema';

/**
 * Whole-body comparison (issue 11 item 3): a read-back must equal what was sent, every member of it, as
 * RFC 8785 canonical JSON, so member order and number spelling do not matter and nothing else is let
 * through. A subset match lets a server add, drop or rewrite any member the scenario did not name.
 */
export interface WholeBodyOptions {
  /**
   * JSON pointers of members the server chooses (its clock, a salt, a new id) and no scenario can know:
   * left out of both sides. `*` matches any one segment (`/items/*\/decidedAt`).
   */
  except?: readonly string[];
  /** JSON pointers (with `*` segments) of arrays whose order the spec leaves open: compared as multisets. */
  anyOrder?: readonly string[];
}

const segments = (ptr: string) =>
  ptr === ''
    ? []
    : ptr
        .split('/')
        .slice(1)
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

const fits = (pattern: string[], at: string[]) =>
  pattern.length === at.length && pattern.every((p, i) => p === '*' || p === at[i]);

/** The value with excepted members removed and any-order arrays sorted, ready for canonical comparison. */
function normalise(value: unknown, at: string[], except: string[][], anyOrder: string[][]): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v, i) => normalise(v, [...at, String(i)], except, anyOrder));
    if (!anyOrder.some((p) => fits(p, at))) return items;
    return items
      .map((v) => [canonicalJson(v), v] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, v]) => v);
  }
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const here = [...at, k];
    if (except.some((p) => fits(p, here))) continue;
    out[k] = normalise(v, here, except, anyOrder);
  }
  return out;
}

/** Where two normalised values first differ, as a JSON pointer with both sides, or undefined if equal. */
function firstDifference(got: unknown, want: unknown, at: string): string | undefined {
  if (canonicalJson(got) === canonicalJson(want)) return undefined;
  const bothObjects = typeof got === 'object' && got !== null && typeof want === 'object' && want !== null;
  if (bothObjects && Array.isArray(got) === Array.isArray(want)) {
    if (Array.isArray(got) && Array.isArray(want) && got.length !== want.length)
      return `${at || '(body)'} has ${got.length} item(s), want ${want.length}`;
    const keys = [...new Set([...Object.keys(got), ...Object.keys(want)])].sort();
    for (const k of keys) {
      const g = (got as Record<string, unknown>)[k];
      const w = (want as Record<string, unknown>)[k];
      const here = `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (g === undefined) return `${here} missing, want ${canonicalJson(w).slice(0, 200)}`;
      if (w === undefined) return `${here} not expected (got ${canonicalJson(g).slice(0, 200)})`;
      const d = firstDifference(g, w, here);
      if (d) return d;
    }
  }
  return `${at || '(body)'} is ${canonicalJson(got).slice(0, 200)}, want ${canonicalJson(want).slice(0, 200)}`;
}

/**
 * Compares a whole response body with the expected value as RFC 8785 canonical JSON. Returns undefined
 * when they are equal, else the first difference (a JSON pointer and both values).
 */
export function wholeBodyDifference(
  got: unknown,
  want: unknown,
  options: WholeBodyOptions = {},
): string | undefined {
  const except = (options.except ?? []).map(segments);
  const anyOrder = (options.anyOrder ?? []).map(segments);
  if (got === undefined) return 'no JSON body';
  return firstDifference(normalise(got, [], except, anyOrder), normalise(want, [], except, anyOrder), '');
}
