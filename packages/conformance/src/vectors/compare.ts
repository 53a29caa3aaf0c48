import { canonicalJson } from '@reuse-pref/schema';
import type { PreferenceOut, ResolveRefusal, ResolveResult, ValidateResult } from '../protocol/messages.js';

const ruleSet = (findings: unknown): string[] =>
  Array.isArray(findings)
    ? [...new Set(findings.map((f) => String((f as { rule?: unknown }).rule)))].sort()
    : [];

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Why a validation answer differs from the vector's expectation, or undefined when it matches. */
export function compareValidation(got: ValidateResult, expect: Record<string, unknown>): string | undefined {
  const problems: string[] = [];
  if (typeof got !== 'object' || got === null) return `result is not an object: ${JSON.stringify(got)}`;
  if (got.valid !== expect.valid)
    problems.push(`valid: want ${String(expect.valid)}, got ${String(got.valid)}`);
  for (const severity of ['errors', 'queries'] as const) {
    const want = [...((expect[severity] as string[]) ?? [])].sort();
    const have = ruleSet(got[severity]);
    if (!same(want, have)) problems.push(`${severity}: want [${want.join(', ')}], got [${have.join(', ')}]`);
  }
  const all = [
    ...(Array.isArray(got.errors) ? got.errors : []),
    ...(Array.isArray(got.queries) ? got.queries : []),
  ];
  for (const want of (expect.findings as { rule: string; pointer: string }[] | undefined) ?? []) {
    if (!all.some((f) => f.rule === want.rule && f.pointer === want.pointer)) {
      problems.push(`missing finding ${want.rule} at "${want.pointer}"`);
    }
  }
  return problems.length ? problems.join('; ') : undefined;
}

const refusalOf = (got: ResolveResult | ResolveRefusal) =>
  typeof got === 'object' && got !== null && 'refused' in got ? got.refused : undefined;

/** Why one purpose's effective preference differs from the vector's expectation. */
export function compareResolution(
  got: ResolveResult | ResolveRefusal,
  purpose: string,
  expect: Record<string, unknown>,
): string | undefined {
  const refusal = refusalOf(got);
  if (refusal) return `refused the input at "${refusal.pointer}": ${refusal.message ?? 'no message'}`;
  const list =
    typeof got === 'object' && got !== null && 'preferences' in got && Array.isArray(got.preferences)
      ? got.preferences
      : [];
  const p = list.find((x: PreferenceOut) => x?.purpose === purpose);
  if (!p) return `no effective preference for ${purpose}`;
  const problems: string[] = [];
  for (const key of ['shared', 'value', 'decidedBy', 'default'] as const) {
    if (p[key] !== expect[key])
      problems.push(`${key}: want ${JSON.stringify(expect[key])}, got ${JSON.stringify(p[key])}`);
  }
  if (Array.isArray(expect.flags)) {
    const want = [...(expect.flags as string[])].sort();
    const have = [...(Array.isArray(p.flags) ? p.flags : [])].sort();
    if (!same(want, have)) problems.push(`flags: want [${want.join(', ')}], got [${have.join(', ')}]`);
  }
  return problems.length ? problems.join('; ') : undefined;
}

/**
 * Why the output subject (resolver.md 1) differs from the vector's, compared as whole RFC 8785 text: a
 * member the vector does not name is a difference too.
 */
export function compareSubject(got: ResolveResult | ResolveRefusal, subject: unknown): string | undefined {
  const refusal = refusalOf(got);
  if (refusal) return `refused the input at "${refusal.pointer}": ${refusal.message ?? 'no message'}`;
  const have = typeof got === 'object' && got !== null && 'subject' in got ? got.subject : undefined;
  if (have === undefined) return 'gave no subject';
  const want = canonicalJson(subject);
  return canonicalJson(have) === want ? undefined : `subject: want ${want}, got ${canonicalJson(have)}`;
}

/**
 * Why an answer to input the resolver must refuse (resolver.md 1) differs from the vector: preferences
 * given anyway, or a refusal that names another value. `pointer` is already moved to this order.
 */
export function compareRefusal(got: ResolveResult | ResolveRefusal, pointer: string): string | undefined {
  const refusal = refusalOf(got);
  if (!refusal) return `gave preferences; want the input refused at "${pointer}"`;
  return refusal.pointer === pointer
    ? undefined
    : `refused at "${refusal.pointer}"; want "${pointer}" (${refusal.message ?? 'no message'})`;
}
