import { createHash } from 'node:crypto';
import type { Statement } from '@reuse-pref/schema';

/**
 * A pupil's preference set is versioned by the set of statements held for them: the ETag changes exactly
 * when a statement is stored (openapi.yaml), not when the clock moves the evaluation on.
 */
export function pupilEtag(statements: readonly Statement[]): string {
  const ids = statements.map((s) => s.id.toLowerCase()).sort();
  return `"${createHash('sha256').update(ids.join('\n')).digest('base64url').slice(0, 27)}"`;
}
