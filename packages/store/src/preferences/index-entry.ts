import { parseInstant, resolve } from '@reuse-pref/resolver';
import type {
  EffectivePreference,
  PurposeCatalogue,
  ResolverFlag,
  Statement,
  SubjectKey,
} from '@reuse-pref/schema';

/** What an index is built for: the resolver's two parameters besides the history and the time. */
export interface IndexParameters {
  readonly catalogue: PurposeCatalogue;
  readonly competenceAge: number;
}

/**
 * The time every entry is resolved at: later than any instant a statement can carry (a four-digit year
 * at the most westerly offset), so every statement of the history is eligible (R1), and on a written
 * date at which anyone born in a four-digit year has reached any competence age that matters.
 */
export const SETTLED_AS_OF = '9999-12-31T23:59:59.999-23:59';
const SETTLED_MS = parseInstant(SETTLED_AS_OF);
/** settledFrom of a history without a readable expressedAt: settled at any time. */
const ALWAYS = -8_640_000_000_000_000;

/**
 * One subject's row of the index: the resolver's output over the subject's whole history, and what
 * says at which evaluation times that output is the answer.
 *
 * The resolver depends on the evaluation time in two ways only (spec/v1/resolver.md): R1 leaves out
 * statements expressed after it, and R12 raises `review-due` once the pupil has reached the competence
 * age on the evaluation date. So for every time at or after `settledFrom` (the latest expressedAt) the
 * output is the stored one, except that `review-due` is not yet raised while the pupil is younger than
 * the competence age (their date of birth, by R4, is kept for that). Before `settledFrom`, the entry says
 * nothing and the caller resolves the history itself.
 */
export interface IndexEntry {
  statements: number;
  /** Epoch ms of the latest expressedAt in the history. */
  settledFrom: number;
  /** The date of birth R4 gives over the whole history, if any. */
  dateOfBirth: string | null;
  /** Bit i: catalogue purpose i is not shared. */
  notShared: number;
  /** Bit i: catalogue purpose i was decided by a stated answer (not a default). */
  stated: number;
  /**
   * The rest of each purpose's output (value, deciding statement, flags) as compact JSON; null when the
   * resolver refused the history (the gate resolves it again, and fails the same way).
   */
  detail: string | null;
}

export const FLAGS: readonly ResolverFlag[] = [
  'review-due',
  'pupil-not-competent',
  'statement-id-conflict',
  'parents-disagree',
];
export const REVIEW_DUE = 1;

/**
 * A purpose's output beyond shared/default: [value, index into the deciders, flag bits], or null.
 * The stored text is `JSON.stringify` of a Detail; entry-reader.ts reads it back.
 */
type PurposeDetail = [EffectivePreference['value'], number, number] | null;
export interface Detail {
  /** Each deciding statement once: [id, role, expressedAt as written]. */
  by: [string, string, string][];
  p: PurposeDetail[];
}

/** Resolves one subject's whole history and packs the answer as an index row. */
export function indexEntry(history: readonly Statement[], parameters: IndexParameters): IndexEntry {
  let settledFrom = ALWAYS;
  for (const s of history) {
    const at = parseInstant(s.expressedAt);
    if (at > settledFrom) settledFrom = at;
  }
  const refused = { statements: history.length, settledFrom, dateOfBirth: null, notShared: 0, stated: 0 };
  if (settledFrom > SETTLED_MS) return { ...refused, detail: null };
  let resolved: ReturnType<typeof resolve>;
  try {
    resolved = resolve({
      statements: history,
      asOf: SETTLED_AS_OF,
      catalogue: parameters.catalogue,
      competenceAge: parameters.competenceAge,
    });
  } catch {
    // Only a history the validator would never have let in gets here (a store fed without validation).
    return { ...refused, detail: null };
  }
  let notShared = 0;
  let stated = 0;
  const detail: Detail = { by: [], p: [] };
  resolved.preferences.forEach((pref, i) => {
    if (!pref.shared) notShared |= 1 << i;
    if (!pref.default) stated |= 1 << i;
    let flags = 0;
    for (const flag of pref.flags) flags |= 1 << FLAGS.indexOf(flag);
    if (pref.decidedBy === null) {
      detail.p.push(pref.value === null && flags === 0 ? null : [pref.value, -1, flags]);
      return;
    }
    let by = detail.by.findIndex(([id]) => id === pref.decidedBy);
    if (by < 0) {
      by = detail.by.length;
      detail.by.push([pref.decidedBy, pref.decidedByRole ?? '', pref.expressedAt ?? '']);
    }
    detail.p.push([pref.value, by, flags]);
  });
  return {
    statements: history.length,
    settledFrom,
    dateOfBirth: resolved.subject.dateOfBirth ?? null,
    notShared,
    stated,
    detail: JSON.stringify(detail),
  };
}

/** What a subject no statement names resolves to: the resolver's answer for an empty history. */
export function defaultPreferences(asOf: string, parameters: IndexParameters): EffectivePreference[] {
  return resolve({
    statements: [],
    asOf,
    catalogue: parameters.catalogue,
    competenceAge: parameters.competenceAge,
  }).preferences;
}

/** A cohort member as the resolver's caller names them: identifiers only, so R4 reads the statements. */
export function subjectOf(member: SubjectKey): SubjectKey {
  return { ...(member.upn ? { upn: member.upn } : {}), ...(member.uln ? { uln: member.uln } : {}) };
}
