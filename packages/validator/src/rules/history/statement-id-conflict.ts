import { conflictKey } from '@reuse-pref/resolver';
import type { Statement } from '@reuse-pref/schema';
import { historyRule } from '../rule.js';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What two statements with one id must share to be the same statement: the resolver's conflict key
 * (resolver.md R2), so the resolver flags exactly the histories this rule rejects. Who, about whom,
 * when (the expressedAt instant, every fraction digit counting), on what basis, and the answers; not
 * where or how it was recorded, so a CTF re-import is the same statement. Takes any value, and never
 * throws for what a JSON reader produces.
 */
export function decisionFingerprint(s: Record<string, unknown>): string {
  return conflictKey(s as unknown as Statement);
}

export const statementIdConflict = historyRule({
  id: 'statement-id-conflict',
  severity: 'error',
  field: 'id (history)',
  message: 'the same statement id (compared case-insensitively) with different decision-relevant content',
  why: 'Statements are immutable: two contents under one id break the audit trail (Art 5(2)) and resolver ordering.',
  check(statements, report) {
    // Exact duplicates are re-deliveries and fine.
    const first = new Map<string, { index: number; key: string }>();
    for (let i = 0; i < statements.length; i++) {
      const s = statements[i];
      if (!isObject(s) || typeof s.id !== 'string') continue;
      const id = s.id.toLowerCase();
      const key = decisionFingerprint(s);
      const earlier = first.get(id);
      if (earlier === undefined) first.set(id, { index: i, key });
      else if (earlier.key !== key) {
        report(`/${i}/id`, `id is also used by statement ${earlier.index} with different content`);
      }
    }
  },
});
