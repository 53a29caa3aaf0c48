import { canonicalJson } from '@reuse-pref/schema';

/**
 * What a whole-body comparison (`equals`) leaves to the server: members it chooses and no scenario can
 * know (its clock, a salt, a new id), and the order of arrays the spec leaves open. Both sides are put in
 * this form before they are compared as canonical JSON, so everything else still counts: a member added,
 * dropped or rewritten anywhere else is a difference.
 */
export interface ServerChosen {
  /** JSON pointers (from the body; `*` for any one segment) of members left out of both sides. */
  except?: readonly string[];
  /** JSON pointers (from the body; `*` for any one segment) of arrays compared as multisets. */
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

function walk(value: unknown, at: string[], except: string[][], anyOrder: string[][]): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v, i) => walk(v, [...at, String(i)], except, anyOrder));
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
    if (!except.some((p) => fits(p, here))) out[k] = walk(v, here, except, anyOrder);
  }
  return out;
}

/**
 * `value`, found at `ptr` in a body, without the members `chosen.except` names and with the arrays
 * `chosen.anyOrder` names sorted by their canonical JSON (RFC 8785). Patterns are read from the body,
 * so the same ones serve a value compared at any pointer.
 */
export function withoutServerChoices(value: unknown, ptr: string, chosen: ServerChosen): unknown {
  if (!chosen.except?.length && !chosen.anyOrder?.length) return value;
  return walk(
    value,
    segments(ptr),
    (chosen.except ?? []).map(segments),
    (chosen.anyOrder ?? []).map(segments),
  );
}
