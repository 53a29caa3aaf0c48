import type { Finding } from '@reuse-pref/schema';

/**
 * A record's findings as listed, at most `max` of them, and how many were left out. A record can be
 * built to fail one rule per key it holds; listing them all would turn a small body into a huge answer
 * (issue 17: a 6 MB line gave a 94 MB 422). The first ones are kept, in the validator's order (errors
 * before queries), so what to fix first is always there.
 */
export function capFindings(findings: Finding[], max: number): { findings: Finding[]; omitted: number } {
  if (findings.length <= max) return { findings, omitted: 0 };
  return { findings: findings.slice(0, Math.max(0, max)), omitted: findings.length - Math.max(0, max) };
}
