import {
  type Choice,
  dateKey,
  type EffectivePreference,
  type EffectivePreferences,
  isFullDate,
  LatestCatalogue,
  type PurposeCatalogue,
  parseInstant,
  type ResolverFlag,
  type Statement,
  type Subject,
} from '@reuse-pref/schema';
import { ageFromKeys } from './age.js';
import { isAnswerFor, isProtective, sharesWhen, withinStatementRank } from './answers.js';
import { DEFAULT_COMPETENCE_AGE, isCompetentAt } from './competence.js';
import { identify } from './identity.js';
import { ResolverInputError } from './input-error.js';
import { compareEntries, type Entry } from './order.js';

export interface ResolveInput {
  /** The subject's statement history, in any order; repeated ids are one statement (R2). */
  readonly statements: readonly Statement[];
  /** What the caller knows of the subject; its dateOfBirth wins over any on the statements (R4). */
  readonly subject?: Subject;
  /** The evaluation time: only statements expressed at or before it count (R1). */
  readonly asOf: string | Date;
  readonly competenceAge?: number;
  readonly catalogue?: PurposeCatalogue;
}

type Value = Choice['value'];
type Purpose = PurposeCatalogue['purposes'][number];

/** One eligible statement, read once. */
interface Speaker {
  readonly entry: Entry;
  /** Index in R3 order among eligible statements: "later" always means a higher pos. */
  readonly pos: number;
  readonly pupil: boolean;
  readonly competent: boolean;
  readonly person: string;
  /** AUTH or BINT: a proxy who may act after a competent pupil has spoken (R8). */
  readonly overridesPupil: boolean;
  readonly authorised: boolean;
  /** Date of birth known and the pupil under the competence age at expressedAt (R12). */
  readonly underAge: boolean;
}

interface Answer {
  readonly speaker: Speaker;
  value: Value;
}

const REVIEW_DUE = 1;
const PUPIL_NOT_COMPETENT = 2;
const STATEMENT_ID_CONFLICT = 4;
const PARENTS_DISAGREE = 8;
/** Flags in a fixed order, indexed by bitmask: output never depends on the order they were found in. */
const FLAG_SETS: readonly (readonly ResolverFlag[])[] = Array.from({ length: 16 }, (_, mask) =>
  (
    [
      [REVIEW_DUE, 'review-due'],
      [PUPIL_NOT_COMPETENT, 'pupil-not-competent'],
      [STATEMENT_ID_CONFLICT, 'statement-id-conflict'],
      [PARENTS_DISAGREE, 'parents-disagree'],
    ] as const
  )
    .filter(([bit]) => (mask & bit) !== 0)
    .map(([, flag]) => flag),
);

const purposeIndexCache = new WeakMap<PurposeCatalogue, Map<string, number>>();

function purposeIndex(catalogue: PurposeCatalogue): Map<string, number> {
  let index = purposeIndexCache.get(catalogue);
  if (!index) {
    index = new Map(catalogue.purposes.map((p, i) => [p.code, i]));
    purposeIndexCache.set(catalogue, index);
  }
  return index;
}

function readAsOf(asOf: string | Date): { ms: number; text: string } {
  if (typeof asOf === 'string') {
    const ms = parseInstant(asOf);
    if (Number.isNaN(ms)) {
      throw new ResolverInputError('/asOf', `asOf is not an RFC 3339 date-time: ${JSON.stringify(asOf)}`);
    }
    return { ms, text: asOf };
  }
  const ms = asOf.getTime();
  if (Number.isNaN(ms)) throw new ResolverInputError('/asOf', 'asOf is an invalid Date');
  return { ms, text: asOf.toISOString() };
}

/** R4: the caller's date of birth, else the one on the latest eligible statement that carries one. */
function dateOfBirthOf(subject: Subject | undefined, eligible: readonly Entry[]): string | undefined {
  if (subject?.dateOfBirth !== undefined) return subject.dateOfBirth;
  for (let i = eligible.length - 1; i >= 0; i--) {
    const dob = eligible[i]!.statement.subject.dateOfBirth;
    if (dob !== undefined) return dob;
  }
  return undefined;
}

/** R7: one person's current answer; a refusal to answer never withdraws an objection or a decline. */
function foldPerson(current: Answer | undefined, next: Answer): Answer {
  if (current && next.value === 'REFU' && isProtective(current.value)) return current;
  return next;
}

/** R9: combine the current answers of several proxies. */
function combineProxies(answers: readonly Answer[]): { decider: Answer | undefined; disagree: boolean } {
  if (answers.length === 0) return { decider: undefined, disagree: false };
  // One slot per person, matched by exact personRef equality: a household has a handful of people, so a
  // linear scan beats a Map, and '__proto__' and friends stay ordinary strings.
  const current: Answer[] = [];
  for (const a of answers) {
    let i = 0;
    while (i < current.length && current[i]!.speaker.person !== a.speaker.person) i++;
    current[i] = foldPerson(current[i], a);
  }
  let latest: Answer | undefined;
  let latestProtective: Answer | undefined;
  let anyPositive = false;
  for (const a of current) {
    if (!latest || a.speaker.pos > latest.speaker.pos) latest = a;
    if (isProtective(a.value)) {
      if (!latestProtective || a.speaker.pos > latestProtective.speaker.pos) latestProtective = a;
    } else if (a.value === 'NOOB' || a.value === 'CONS') {
      anyPositive = true;
    }
  }
  if (latestProtective) return { decider: latestProtective, disagree: anyPositive };
  return { decider: latest, disagree: false };
}

interface Decision {
  decider: Answer | undefined;
  flags: number;
}

/** R5, R7, R8, R9 for one purpose, over its answers in R3 order. */
function decide(answers: readonly Answer[]): Decision {
  let flags = 0;
  let pupilCurrent: Answer | undefined;
  let lastPupilPos = -1;
  for (const a of answers) {
    if (a.speaker.pupil && a.speaker.competent) {
      pupilCurrent = foldPerson(pupilCurrent, a);
      lastPupilPos = a.speaker.pos;
    }
  }
  for (const a of answers) {
    if (a.speaker.pupil && !a.speaker.competent && a.speaker.pos > lastPupilPos) {
      flags |= PUPIL_NOT_COMPETENT;
      break;
    }
  }
  const proxies: Answer[] = [];
  for (const a of answers) {
    if (a.speaker.pupil) continue;
    if (pupilCurrent && !(a.speaker.pos > lastPupilPos && a.speaker.overridesPupil)) continue;
    proxies.push(a);
  }
  if (pupilCurrent && proxies.length === 0) return { decider: pupilCurrent, flags };
  const combined = combineProxies(proxies);
  if (combined.disagree) flags |= PARENTS_DISAGREE;
  return { decider: combined.decider, flags };
}

function flagList(mask: number): ResolverFlag[] {
  return mask === 0 ? [] : [...FLAG_SETS[mask]!];
}

/**
 * The effective preference for every purpose of the catalogue, from one subject's statement history.
 * Pure and deterministic: the same statements in any order give the same result. Normative text:
 * spec/v1/resolver.md.
 */
export function resolve(input: ResolveInput): EffectivePreferences {
  const catalogue = input.catalogue ?? LatestCatalogue;
  const competenceAge = input.competenceAge ?? DEFAULT_COMPETENCE_AGE;
  if (!Number.isInteger(competenceAge) || competenceAge < 0) {
    throw new ResolverInputError(
      '/competenceAge',
      `competenceAge must be a whole number of years, got ${competenceAge}`,
    );
  }
  const asOf = readAsOf(input.asOf);
  const callerBirth = input.subject?.dateOfBirth;
  if (callerBirth !== undefined && !isFullDate(callerBirth)) {
    throw new ResolverInputError(
      '/subject/dateOfBirth',
      `subject.dateOfBirth is not an RFC 3339 full-date: ${JSON.stringify(callerBirth)}`,
    );
  }

  const { entries, conflict } = identify(input.statements);
  const eligible = entries.filter((e) => e.expressed <= asOf.ms);
  eligible.sort(compareEntries);

  const dateOfBirth = dateOfBirthOf(input.subject, eligible);
  const bornKey = dateOfBirth === undefined ? Number.NaN : dateKey(dateOfBirth);
  const dobKnown = !Number.isNaN(bornKey);

  const index = purposeIndex(catalogue);
  const purposes = catalogue.purposes;
  const answersByPurpose: Answer[][] = purposes.map(() => []);
  for (let pos = 0; pos < eligible.length; pos++) {
    const entry = eligible[pos]!;
    const s = entry.statement;
    const basis = s.competenceBasis;
    const pupil = s.expressedBy.role === 'PUP';
    const ageThen = dobKnown ? ageFromKeys(bornKey, dateKey(s.expressedAt)) : Number.NaN;
    const speaker: Speaker = {
      entry,
      pos,
      pupil,
      competent: pupil && isCompetentAt(basis, ageThen, competenceAge),
      person: s.expressedBy.personRef,
      overridesPupil: basis === 'AUTH' || basis === 'BINT',
      authorised: basis === 'AUTH',
      underAge: ageThen < competenceAge,
    };
    for (const choice of s.choices) {
      const i = index.get(choice.purpose);
      if (i === undefined || !isAnswerFor(purposes[i]!.kind, choice.value)) continue;
      const list = answersByPurpose[i]!;
      const last = list[list.length - 1];
      if (last && last.speaker === speaker) {
        if (withinStatementRank(choice.value) < withinStatementRank(last.value)) last.value = choice.value;
      } else {
        list.push({ speaker, value: choice.value });
      }
    }
  }

  const ageNow = dobKnown ? ageFromKeys(bornKey, dateKey(asOf.text)) : Number.NaN;
  const pupilNowCompetent = ageNow >= competenceAge;
  const preferences = purposes.map((purpose, i) =>
    effective(purpose, answersByPurpose[i]!, conflict, pupilNowCompetent),
  );

  const base: Subject = input.subject ?? eligible[eligible.length - 1]?.statement.subject ?? {};
  const subject =
    dateOfBirth !== undefined && base.dateOfBirth !== dateOfBirth ? { ...base, dateOfBirth } : base;
  return {
    subject,
    asOf: asOf.text,
    catalogueVersion: catalogue.catalogueVersion,
    competenceAge,
    preferences,
  };
}

function effective(
  purpose: Purpose,
  answers: readonly Answer[],
  conflict: boolean,
  pupilNowCompetent: boolean,
): EffectivePreference {
  const kind = purpose.kind;
  if (kind === 'none') {
    return {
      purpose: purpose.code,
      kind,
      shared: true,
      value: null,
      default: true,
      decidedBy: null,
      decidedByRole: null,
      expressedAt: null,
      flags: [],
    };
  }
  const decision = decide(answers);
  const decider = decision.decider;
  let flags = decision.flags;
  if (conflict) flags |= STATEMENT_ID_CONFLICT;
  if (!decider) {
    return {
      purpose: purpose.code,
      kind,
      shared: kind !== 'consent',
      value: null,
      default: true,
      decidedBy: null,
      decidedByRole: null,
      expressedAt: null,
      flags: flagList(flags),
    };
  }
  const by = decider.speaker;
  if (pupilNowCompetent && !by.pupil && by.underAge && !by.authorised) flags |= REVIEW_DUE;
  return {
    purpose: purpose.code,
    kind,
    shared: sharesWhen(kind, decider.value),
    value: decider.value,
    default: false,
    decidedBy: by.entry.id,
    decidedByRole: by.entry.statement.expressedBy.role,
    expressedAt: by.entry.statement.expressedAt,
    flags: flagList(flags),
  };
}
