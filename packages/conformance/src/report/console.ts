import type { TestResult } from './result.js';
import type { Verdict } from './verdict.js';

const line = (r: TestResult) => `  ${r.id} [${r.section}] ${r.status}${r.message ? `: ${r.message}` : ''}`;

/** The readable summary: counts per suite and level, then every MUST failure, warning and note. */
export function consoleReport(results: readonly TestResult[], v: Verdict, header: string[] = []): string {
  const out = [...header];
  const groups = new Map<string, TestResult[]>();
  for (const r of results)
    groups.set(`${r.suite} ${r.level}`, [...(groups.get(`${r.suite} ${r.level}`) ?? []), r]);
  for (const [key, rs] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const pass = rs.filter((r) => r.status === 'pass').length;
    const skipped = rs.filter((r) => r.status === 'skipped').length;
    out.push(`${key.padEnd(32)} ${pass}/${rs.length} pass${skipped ? `, ${skipped} skip-listed` : ''}`);
  }
  if (v.failures.length) out.push('', `MUST failures (${v.failures.length}):`, ...v.failures.map(line));
  if (v.warnings.length) out.push('', `SHOULD warnings (${v.warnings.length}):`, ...v.warnings.map(line));
  if (v.notes.length) out.push('', `MAY not met (${v.notes.length}):`, ...v.notes.map(line));
  if (v.skipProblems.length)
    out.push('', 'Skip list problems:', ...v.skipProblems.map((p) => `  ${p.message}`));
  const c = v.counts;
  out.push(
    '',
    `${c.total} tests: ${c.pass} pass, ${c.fail} fail, ${c.errored} errored, ${c.unsupported} unsupported, ${c.skipped} skip-listed`,
    v.passed ? 'RESULT: conformant (every MUST test passes)' : 'RESULT: NOT conformant',
  );
  return `${out.join('\n')}\n`;
}

/** The JSON report: every result and the verdict, for dashboards. */
export function jsonReport(
  results: readonly TestResult[],
  v: Verdict,
  meta: Record<string, unknown> = {},
): string {
  return `${JSON.stringify({ ...meta, passed: v.passed, counts: v.counts, skipProblems: v.skipProblems, results }, null, 2)}\n`;
}
