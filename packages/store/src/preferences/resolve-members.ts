import { parseInstant, resolve } from '@reuse-pref/resolver';
import type { EffectivePreference, Statement, SubjectKey } from '@reuse-pref/schema';
import { EntryReader } from './entry-reader.js';
import { defaultPreferences, type IndexParameters } from './index-entry.js';
import { ANSWERED, type MemberRows, NO_SUBJECT, readMemberRows } from './member-rows.js';

/**
 * The reads answering for a batch of cohort members. A backend makes them in one consistent snapshot;
 * SQLite's are synchronous (inside a read transaction nothing may await), PostgreSQL's are queries.
 */
export interface MemberReads<R> {
  /** The index rows of the subjects the members' keys name, as one text (see member-rows.ts). */
  rows(members: readonly SubjectKey[]): R extends 'sync' ? string : Promise<string>;
  /** Every statement of each subject (all the statements holding any of its keys). */
  histories(
    subjects: readonly number[],
  ): R extends 'sync' ? Map<number, Statement[]> : Promise<Map<number, Statement[]>>;
}

type Read =
  | { read: 'rows'; members: readonly SubjectKey[] }
  | { read: 'histories'; subjects: readonly number[] };

/**
 * A batch's answers: each member's preferences, built when asked for. The rows a batch is answered
 * from are one text and a few typed arrays (no object per member), so a batch looked up ahead of the
 * gate holds almost nothing the young collector must copy while it waits; each member's preferences
 * are made just before the gate reads them and die young.
 */
export class MemberAnswers {
  readonly length: number;
  readonly #rows: MemberRows;
  readonly #reader: EntryReader;
  readonly #exactly: Map<number, EffectivePreference[]>;
  readonly #defaults: () => EffectivePreference[];

  constructor(
    rows: MemberRows,
    reader: EntryReader,
    exactly: Map<number, EffectivePreference[]>,
    defaults: () => EffectivePreference[],
  ) {
    this.length = rows.count;
    this.#rows = rows;
    this.#reader = reader;
    this.#exactly = exactly;
    this.#defaults = defaults;
  }

  /** Member i's preferences (a new list each call for a member the index answers). */
  preferencesOf(i: number): EffectivePreference[] {
    const rows = this.#rows;
    const answer = rows.answer[i]!;
    if (answer === ANSWERED) {
      return this.#reader.read(
        rows.text,
        rows.plain[i] === 1,
        rows.notShared[i]!,
        rows.stated[i]!,
        rows.birthStart[i]!,
        rows.birthEnd[i]!,
        rows.detailStart[i]!,
        rows.detailEnd[i]!,
      );
    }
    if (answer === NO_SUBJECT) return this.#defaults();
    return this.#exactly.get(i)!;
  }

  all(): EffectivePreference[][] {
    const out: EffectivePreference[][] = new Array(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.preferencesOf(i);
    return out;
  }
}

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
): Generator<Read, MemberAnswers, unknown> {
  const purposes = only && new Set(only);
  const requested = (all: EffectivePreference[]) =>
    purposes ? all.filter((p) => purposes.has(p.purpose)) : all;
  const text = (yield { read: 'rows', members }) as string;
  const rows = readMemberRows(text, members.length, parseInstant(asOf));
  const exactly = new Map<number, EffectivePreference[]>();
  if (rows.subjectsOf.size > 0) {
    const unsettled = new Set<number>();
    for (const subjects of rows.subjectsOf.values()) for (const subject of subjects) unsettled.add(subject);
    const histories = (yield { read: 'histories', subjects: [...unsettled] }) as Map<number, Statement[]>;
    for (const [i, subjects] of rows.subjectsOf) {
      const resolved = resolve({
        statements: subjects.flatMap((s) => histories.get(s) ?? []),
        asOf,
        catalogue: parameters.catalogue,
        competenceAge: parameters.competenceAge,
      });
      exactly.set(i, requested(resolved.preferences));
    }
  }
  let defaults: EffectivePreference[] | undefined;
  return new MemberAnswers(rows, new EntryReader(parameters, asOf, purposes), exactly, () => {
    defaults ??= requested(defaultPreferences(asOf, parameters));
    return defaults;
  });
}

function answer<R>(reads: MemberReads<R>, request: Read) {
  if (request.read === 'rows') return reads.rows(request.members);
  return reads.histories(request.subjects);
}

export function resolveMembersSync(
  members: readonly SubjectKey[],
  asOf: string,
  parameters: IndexParameters,
  reads: MemberReads<'sync'>,
  purposes?: readonly string[],
): MemberAnswers {
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
): Promise<MemberAnswers> {
  const run = steps(members, asOf, parameters, purposes);
  for (let next = run.next(); ; ) {
    if (next.done) return next.value;
    next = run.next(await answer(reads, next.value));
  }
}
