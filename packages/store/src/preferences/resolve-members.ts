import { resolve } from '@reuse-pref/resolver';
import type { EffectivePreference, Statement, SubjectKey } from '@reuse-pref/schema';
import { defaultPreferences, type IndexEntry, type IndexParameters, preferencesAt } from './index-entry.js';
import { memberKeys } from './subject-keys.js';

/**
 * The reads answering for a batch of cohort members. A backend makes them in one consistent snapshot;
 * SQLite's are synchronous (inside a read transaction nothing may await), PostgreSQL's are queries.
 */
export interface MemberReads<R> {
  /** The subject each key names, for the keys the index holds. */
  subjectsOf(keys: readonly string[]): R extends 'sync' ? Map<string, number> : Promise<Map<string, number>>;
  entries(
    subjects: readonly number[],
  ): R extends 'sync' ? Map<number, IndexEntry> : Promise<Map<number, IndexEntry>>;
  /** Every statement of each subject (all the statements holding any of its keys). */
  histories(
    subjects: readonly number[],
  ): R extends 'sync' ? Map<number, Statement[]> : Promise<Map<number, Statement[]>>;
}

type Read =
  | { read: 'subjectsOf'; keys: readonly string[] }
  | { read: 'entries'; subjects: readonly number[] }
  | { read: 'histories'; subjects: readonly number[] };

/**
 * Each member's effective preferences at `asOf`: from the subject's index entry where it can say, else
 * (asOf before the subject's latest statement, a history the resolver refused, a UPN and a ULN naming
 * two subjects) by resolving the statements themselves. Either way the answer is the resolver's. Written
 * once as the steps between reads, which each backend drives its own way.
 */
function* steps(
  members: readonly SubjectKey[],
  asOf: string,
  parameters: IndexParameters,
  only: readonly string[] | undefined,
): Generator<Read, EffectivePreference[][], unknown> {
  const purposes = only && new Set(only);
  const requested = (all: EffectivePreference[]) =>
    purposes ? all.filter((p) => purposes.has(p.purpose)) : all;
  // A loop per step, not a chain of flatMaps and Sets per member: a national release asks for a few
  // thousand members a batch, and every array made per member is the young collector's work.
  const keysOfMember = members.map((member) => memberKeys(member));
  const keySet = new Set<string>();
  for (const keys of keysOfMember) for (const key of keys) keySet.add(key);
  const subjectOf = (yield { read: 'subjectsOf', keys: [...keySet] }) as Map<string, number>;
  // Each member's subjects, each once, in the order of its keys.
  const subjectsOfMember: number[][] = new Array(members.length);
  const named = new Set<number>();
  for (let i = 0; i < members.length; i++) {
    const subjects: number[] = [];
    for (const key of keysOfMember[i]!) {
      const subject = subjectOf.get(key);
      if (subject !== undefined && !subjects.includes(subject)) subjects.push(subject);
    }
    subjectsOfMember[i] = subjects;
    for (const subject of subjects) named.add(subject);
  }
  const entries = (yield { read: 'entries', subjects: [...named] }) as Map<number, IndexEntry>;
  const out: (EffectivePreference[] | undefined)[] = new Array(members.length);
  const unsettled = new Set<number>();
  for (let i = 0; i < members.length; i++) {
    const subjects = subjectsOfMember[i]!;
    const entry = subjects.length === 1 ? entries.get(subjects[0]!) : undefined;
    const preferences = entry && preferencesAt(entry, asOf, parameters, purposes);
    out[i] = preferences;
    if (preferences === undefined) for (const subject of subjects) unsettled.add(subject);
  }
  const exactly = [...unsettled];
  const histories =
    exactly.length > 0
      ? ((yield { read: 'histories', subjects: exactly }) as Map<number, Statement[]>)
      : new Map<number, Statement[]>();
  let defaults: EffectivePreference[] | undefined;
  return out.map((preferences, i) => {
    if (preferences) return preferences;
    const subjects = subjectsOfMember[i]!;
    if (subjects.length === 0) {
      defaults ??= requested(defaultPreferences(asOf, parameters));
      return defaults;
    }
    return requested(
      resolve({
        statements: subjects.flatMap((s) => histories.get(s) ?? []),
        asOf,
        catalogue: parameters.catalogue,
        competenceAge: parameters.competenceAge,
      }).preferences,
    );
  });
}

function answer<R>(reads: MemberReads<R>, request: Read) {
  if (request.read === 'subjectsOf') return reads.subjectsOf(request.keys);
  if (request.read === 'entries') return reads.entries(request.subjects);
  return reads.histories(request.subjects);
}

export function resolveMembersSync(
  members: readonly SubjectKey[],
  asOf: string,
  parameters: IndexParameters,
  reads: MemberReads<'sync'>,
  purposes?: readonly string[],
): EffectivePreference[][] {
  const run = steps(members, asOf, parameters, purposes);
  for (let next = run.next(); ; ) {
    if (next.done) return next.value;
    next = run.next(answer(reads, next.value));
  }
}

export async function resolveMembers(
  members: readonly SubjectKey[],
  asOf: string,
  parameters: IndexParameters,
  reads: MemberReads<'async'>,
  purposes?: readonly string[],
): Promise<EffectivePreference[][]> {
  const run = steps(members, asOf, parameters, purposes);
  for (let next = run.next(); ; ) {
    if (next.done) return next.value;
    next = run.next(await answer(reads, next.value));
  }
}
