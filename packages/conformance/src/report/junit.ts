import type { TestResult } from './result.js';
import type { Verdict } from './verdict.js';

/** XML 1.0 cannot carry most control characters, even escaped: they become U+FFFD. */
function xmlChars(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const allowed = c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c !== 0xfffe && c !== 0xffff);
    out += allowed ? ch : '\uFFFD';
  }
  return out;
}

const escapeXml = (s: string) =>
  xmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function testcase(r: TestResult): string {
  const head = `    <testcase classname="${escapeXml(`${r.suite}.${r.level}`)}" name="${escapeXml(r.id)}" time="${(r.durationMs / 1000).toFixed(3)}">`;
  const msg = escapeXml(r.message ?? '');
  const detail = escapeXml(`${r.description} [${r.section}]${r.message ? `\n${r.message}` : ''}`);
  const failing = r.status === 'fail' || r.status === 'errored' || r.status === 'unsupported';
  let body = '';
  // Only MUST failures are JUnit failures; SHOULD/MAY misses show as skipped so CI stays green on them.
  if (failing && r.level === 'MUST') {
    body =
      r.status === 'errored'
        ? `<error message="${msg}">${detail}</error>`
        : `<failure message="${msg}" type="${r.status}">${detail}</failure>`;
  } else if (failing || r.status === 'skipped') {
    body = `<skipped message="${escapeXml(`${r.level} ${r.status}: ${r.message ?? ''}`)}"/>`;
  }
  return body ? `${head}\n      ${body}\n    </testcase>` : `${head}</testcase>`;
}

/** JUnit XML, one testsuite per suite (validation, resolver, scenario:receiver, ...). */
export function junitXml(
  results: readonly TestResult[],
  v: Verdict,
  name = 'reuse-pref-conformance',
): string {
  const suites = new Map<string, TestResult[]>();
  for (const r of results) suites.set(r.suite, [...(suites.get(r.suite) ?? []), r]);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const mustFail = (rs: readonly TestResult[]) =>
    rs.filter((r) => r.level === 'MUST' && (r.status === 'fail' || r.status === 'unsupported')).length;
  const errs = (rs: readonly TestResult[]) =>
    rs.filter((r) => r.level === 'MUST' && r.status === 'errored').length;
  lines.push(
    `<testsuites name="${escapeXml(name)}" tests="${results.length}" failures="${mustFail(results) + v.skipProblems.length}" errors="${errs(results)}">`,
  );
  for (const [suite, rs] of suites) {
    const skipped = rs.filter(
      (r) => r.status === 'skipped' || (r.level !== 'MUST' && r.status !== 'pass'),
    ).length;
    const time = rs.reduce((t, r) => t + r.durationMs, 0) / 1000;
    lines.push(
      `  <testsuite name="${escapeXml(suite)}" tests="${rs.length}" failures="${mustFail(rs)}" errors="${errs(rs)}" skipped="${skipped}" time="${time.toFixed(3)}">`,
    );
    for (const r of rs) lines.push(testcase(r));
    lines.push('  </testsuite>');
  }
  if (v.skipProblems.length) {
    lines.push(
      `  <testsuite name="skip-list" tests="${v.skipProblems.length}" failures="${v.skipProblems.length}" errors="0">`,
    );
    for (const p of v.skipProblems) {
      lines.push(
        `    <testcase classname="skip-list" name="${escapeXml(p.id)}">\n      <failure message="${escapeXml(p.message)}" type="${p.problem}"/>\n    </testcase>`,
      );
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
