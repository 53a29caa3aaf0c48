import type { Finding, Statement } from '@reuse-pref/schema';
import { Findings } from './findings.js';
import { parseInstant } from './instant.js';

type Rec = Record<string, unknown>;
const isObject = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What the resolver decides on: who, about whom, when (as an instant), on what basis, and the answers.
 * Where and how it was recorded is left out, so the same statement re-imported through a CTF, with a
 * new channel and recordedAt, is not a conflict. Two statements with one id are the same statement when
 * their fingerprints are equal (`statement-id-conflict`); any value is accepted, and never throws for
 * what a JSON reader produces.
 */
export function decisionFingerprint(s: Rec): string {
  const subject = isObject(s.subject) ? s.subject : {};
  const by = isObject(s.expressedBy) ? s.expressedBy : {};
  const at = typeof s.expressedAt === 'string' ? parseInstant(s.expressedAt) : Number.NaN;
  const choices = Array.isArray(s.choices)
    ? s.choices.map((c: unknown) => (isObject(c) ? `${String(c.purpose)}=${String(c.value)}` : '?')).sort()
    : [];
  return JSON.stringify([
    subject.upn,
    subject.uln,
    subject.localId,
    subject.dateOfBirth,
    by.role,
    by.personRef,
    s.competenceBasis,
    Number.isNaN(at) ? s.expressedAt : at,
    s.catalogueVersion,
    choices,
  ]);
}

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
      const print = decisionFingerprint(s);
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
