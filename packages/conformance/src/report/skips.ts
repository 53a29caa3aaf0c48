import type { TestResult } from './result.js';

/** A vendor's skip list: full test id -> why (a tracking issue, a planned release). */
export type SkipList = Record<string, string>;

export interface SkipProblem {
  id: string;
  problem: 'unknown-id' | 'now-passes';
  message: string;
}

/**
 * Applies a skip list the way ajv's checked skip lists work: a listed test still runs; if it fails it
 * is reported as skipped, if it passes the list is stale and that fails the run, and an id the suite
 * does not know fails the run too (a typo or a retired id must not silently hide a test).
 *
 * `inSuite` says whether an id names a test of this suite that another mode runs (the HTTP scenarios
 * when this run is the harness): such an entry is left for that run, so one skip list serves every step
 * of a vendor's CI. Without it, only this run's ids are known.
 */
export function applySkips(
  results: readonly TestResult[],
  skips: SkipList,
  inSuite: (id: string) => boolean = () => false,
): { results: TestResult[]; problems: SkipProblem[] } {
  const known = new Set(results.map((r) => r.id));
  const problems: SkipProblem[] = Object.keys(skips)
    .filter((id) => !known.has(id) && !inSuite(id))
    .map((id) => ({
      id,
      problem: 'unknown-id' as const,
      message: `skip list names ${id}, which this suite does not have`,
    }));
  const out = results.map((r) => {
    if (!(r.id in skips)) return r;
    if (r.status === 'pass') {
      problems.push({
        id: r.id,
        problem: 'now-passes',
        message: `${r.id} is on the skip list but now passes: remove it`,
      });
      return r;
    }
    return {
      ...r,
      status: 'skipped' as const,
      message: `skip list: ${skips[r.id]}${r.message ? ` (${r.message})` : ''}`,
    };
  });
  return { results: out, problems };
}

export function parseSkipList(text: string): SkipList {
  const value = JSON.parse(text) as unknown;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('a skip list is a JSON object: { "<case id>/<test id>": "reason" }');
  }
  for (const [id, reason] of Object.entries(value)) {
    if (typeof reason !== 'string') throw new Error(`skip list entry ${id}: the reason must be a string`);
  }
  return value as SkipList;
}
