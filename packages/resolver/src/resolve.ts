import {
  type Choice,
  type EffectivePreference,
  type EffectivePreferences,
  LatestCatalogue,
  type PurposeCatalogue,
  type ResolverFlag,
  type Statement,
  type Subject,
} from '@reuse-pref/schema';
import { ageFromKeys } from './age.js';
import { isAnswerFor, isProtective, sharesWhen, withinStatementRank } from './answers.js';
import { DEFAULT_COMPETENCE_AGE, isCompetentPupilStatement } from './competence.js';
import { identify } from './identity.js';
import { calendarKey, parseInstant } from './instant.js';
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

const FLAG_ORDER: readonly ResolverFlag[] = [
  'review-due',
  'pupil-not-competent',
  'statement-id-conflict',
  'parents-disagree',
];

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
    if (Number.isNaN(ms)) throw new RangeError(`asOf is not an RFC 3339 date-time: ${JSON.stringify(asOf)}`);
    return { ms, text: asOf };
  }
  const ms = asOf.getTime();
  if (Number.isNaN(ms)) throw new RangeError('asOf is an invalid Date');
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
  // Keyed by the exact personRef: a Map, so '__proto__' and friends are ordinary people.
  const current = new Map<string, Answer>();
  for (const a of answers) current.set(a.speaker.person, foldPerson(current.get(a.speaker.person), a));
  let latest: Answer | undefined;
  let latestProtective: Answer | undefined;
  let anyPositive = false;
  for (const a of current.values()) {
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
  flags: Set<ResolverFlag>;
}

/** R5, R7, R8, R9 for one purpose, over its answers in R3 order. */
function decide(answers: readonly Answer[]): Decision {
  const flags = new Set<ResolverFlag>();
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
      flags.add('pupil-not-competent');
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
  if (combined.disagree) flags.add('parents-disagree');
  return { decider: combined.decider, flags };
}

function orderedFlags(flags: Set<ResolverFlag>): ResolverFlag[] {
  return flags.size === 0 ? [] : FLAG_ORDER.filter((f) => flags.has(f));
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
    throw new RangeError(`competenceAge must be a whole number of years, got ${competenceAge}`);
  }
  const asOf = readAsOf(input.asOf);

  const { entries, conflict } = identify(input.statements);
  const eligible = entries.filter((e) => e.expressed <= asOf.ms);
  eligible.sort(compareEntries);

  const dateOfBirth = dateOfBirthOf(input.subject, eligible);
  const bornKey = dateOfBirth === undefined ? Number.NaN : calendarKey(dateOfBirth);
  const dobKnown = !Number.isNaN(bornKey);

  const index = purposeIndex(catalogue);
  const purposes = catalogue.purposes;
  const answersByPurpose: Answer[][] = purposes.map(() => []);
  for (let pos = 0; pos < eligible.length; pos++) {
    const entry = eligible[pos]!;
    const s = entry.statement;
    const basis = s.competenceBasis;
    const pupil = s.expressedBy.role === 'PUP';
    const ageThen = dobKnown ? ageFromKeys(bornKey, calendarKey(s.expressedAt)) : Number.NaN;
    const speaker: Speaker = {
      entry,
      pos,
      pupil,
      competent: pupil && isCompetentPupilStatement(s, { dateOfBirth, competenceAge }),
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

  const ageNow = dobKnown ? ageFromKeys(bornKey, calendarKey(asOf.text)) : Number.NaN;
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
  const { decider, flags } = decide(answers);
  if (conflict) flags.add('statement-id-conflict');
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
      flags: orderedFlags(flags),
    };
  }
  const by = decider.speaker;
  if (pupilNowCompetent && !by.pupil && by.underAge && !by.authorised) flags.add('review-due');
  return {
    purpose: purpose.code,
    kind,
    shared: sharesWhen(kind, decider.value),
    value: decider.value,
    default: false,
    decidedBy: by.entry.id,
    decidedByRole: by.entry.statement.expressedBy.role,
    expressedAt: by.entry.statement.expressedAt,
    flags: orderedFlags(flags),
  };
}
