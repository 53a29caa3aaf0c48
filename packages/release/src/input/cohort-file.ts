import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Subject } from '@reuse-pref/schema';
import type { CohortMember } from '../gate/cohort.js';

export class CohortError extends Error {
  override name = 'CohortError';
}

/**
 * Streams a cohort file, one JSON object a line: `{"subject":{...},"statements":[...]}`, or with
 * `"preferences"` instead of statements, or just `{"subject":{...}}` for a pupil with no statements (the
 * defaults decide, and the counts say so). Blank lines are skipped; anything else malformed stops the run
 * with its line number, because a silently dropped pupil is an unaudited one.
 */
export async function* readCohortFile(path: string): AsyncGenerator<CohortMember> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const line of lines) {
    n += 1;
    if (line.trim() === '') continue;
    let value: { subject?: Subject; statements?: unknown; preferences?: unknown };
    try {
      value = JSON.parse(line);
    } catch {
      throw new CohortError(`${path}: line ${n} is not JSON`);
    }
    const subject = value?.subject;
    if (!subject || typeof subject !== 'object' || !(subject.upn || subject.uln || subject.localId)) {
      throw new CohortError(`${path}: line ${n} has no subject with a upn, uln or localId`);
    }
    if (value.preferences !== undefined) yield value as CohortMember;
    else if (value.statements === undefined) yield { subject, statements: [] };
    else if (Array.isArray(value.statements)) yield value as CohortMember;
    else throw new CohortError(`${path}: line ${n}: statements must be an array`);
  }
}
