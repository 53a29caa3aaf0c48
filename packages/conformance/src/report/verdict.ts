import type { TestResult } from './result.js';
import type { SkipProblem } from './skips.js';

export interface Verdict {
  passed: boolean;
  counts: {
    total: number;
    pass: number;
    fail: number;
    errored: number;
    unsupported: number;
    skipped: number;
  };
  /** MUST tests that failed, errored, or were skipped by the harness without a skip-list entry. */
  failures: TestResult[];
  /** SHOULD tests that did not pass. */
  warnings: TestResult[];
  /** MAY tests that did not pass: reported, never failing. */
  notes: TestResult[];
  skipProblems: SkipProblem[];
}

/** MUST failures and skip-list problems fail the run; SHOULD is a warning; MAY is reported. */
export function verdict(results: readonly TestResult[], skipProblems: readonly SkipProblem[] = []): Verdict {
  const counts = { total: results.length, pass: 0, fail: 0, errored: 0, unsupported: 0, skipped: 0 };
  for (const r of results) counts[r.status] += 1;
  // A harness-declared capability gap is not a pass: a MUST test it skips fails unless skip-listed.
  const bad = (r: TestResult) => r.status === 'fail' || r.status === 'errored' || r.status === 'unsupported';
  const failures = results.filter((r) => r.level === 'MUST' && bad(r));
  return {
    passed: failures.length === 0 && skipProblems.length === 0,
    counts,
    failures,
    warnings: results.filter((r) => r.level === 'SHOULD' && bad(r)),
    notes: results.filter((r) => r.level === 'MAY' && bad(r)),
    skipProblems: [...skipProblems],
  };
}
