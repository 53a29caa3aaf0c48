import { conflictKey } from '@reuse-pref/resolver';
import type { Finding, Statement } from '@reuse-pref/schema';
import { Findings } from './findings.js';

type Rec = Record<string, unknown>;
const isObject = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * History-level rules over the statements held for one subject (or any batch): a statement id used
 * twice, compared case-insensitively, with different decision-relevant content. Exact duplicates are
 * re-deliveries and fine. Pointers index into the array given. Never throws.
 */
export function validateHistory(statements: readonly Statement[]): Finding[] {
  const out = new Findings();
  try {
    if (!Array.isArray(statements)) return [];
    const first = new Map<string, { index: number; print: string }>();
    for (let i = 0; i < statements.length; i++) {
      const s: unknown = statements[i];
      if (!isObject(s) || typeof s.id !== 'string') continue;
      const key = s.id.toLowerCase();
      const print = conflictKey(s as unknown as Statement);
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, { index: i, print });
      else if (earlier.print !== print) {
        out.add(
          'statement-id-conflict',
          `/${i}/id`,
          `id is also used by statement ${earlier.index} with different content`,
        );
      }
    }
  } catch {
    // A value a JSON reader could not produce (a throwing getter): nothing more can be said about it.
  }
  return out.all();
}
