import type { Finding, Statement } from '@reuse-pref/schema';
import { Findings } from './findings.js';
import { historyRuleList } from './rules/index.js';

/**
 * History-level rules (validation.md 7) over the statements held for one subject, or any batch.
 * Pointers index into the array given. Never throws.
 */
export function validateHistory(statements: readonly Statement[]): Finding[] {
  const out = new Findings();
  try {
    if (!Array.isArray(statements)) return [];
    for (const rule of historyRuleList) {
      rule.check(statements, (pointer, detail) => out.add(rule, pointer, detail));
    }
  } catch {
    // A value a JSON reader could not produce (a throwing getter): nothing more can be said about it.
  }
  return out.all();
}
