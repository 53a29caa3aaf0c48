import { ageOn } from '@reuse-pref/resolver';
import type { CatalogueIndex, PurposeEntry } from './catalogues.js';

/** The validator options, resolved once per validator. */
export interface Context {
  readonly nowMs: number;
  /** The clock's UTC date, YYYY-MM-DD. */
  readonly nowDate: string;
  readonly censusDate: string | undefined;
  readonly competenceAge: number;
  readonly catalogues: CatalogueIndex;
}

type Rec = Record<string, unknown>;

/**
 * A statement as the semantic rules read it, filled once per record before any rule runs. A field is
 * here only when it has the right type and the schema did not reject it, so one mistake gives one
 * finding (validation.md 2): a malformed date of birth is field-format's, and no age rule sees it.
 * One Reading per validator is refilled for every record, so the valid path allocates nothing for it.
 */
export interface Reading {
  context: Context;
  /** The record as given, for rules that walk its choices. */
  record: Rec;
  /** Instance paths the schema rejected (undefined when it rejected none). */
  rejected: Set<string> | undefined;
  specVersion: string | undefined;
  upn: string | undefined;
  uln: string | undefined;
  dateOfBirth: string | undefined;
  /** The subject is an object and has no dateOfBirth at all. */
  dateOfBirthMissing: boolean;
  expressedAt: string | undefined;
  /** expressedAt's written date, its first ten characters (validation.md 5). */
  expressedDate: string | undefined;
  recordedAt: string | undefined;
  /** Whole years at expressedAt's written date; only when both dates were read and it is not before birth. */
  age: number | undefined;
  role: string | undefined;
  competenceBasis: string | undefined;
  /** competenceBasis is present but was not read (wrong type, unknown code): competence is not judged. */
  competenceBasisUnread: boolean;
  channel: string | undefined;
  /** Whether the record has a provenance member, whatever its value. */
  hasProvenance: boolean;
  transferredAt: string | undefined;
  originalRecordedAt: string | undefined;
  /** The choices array, when choices is one. */
  choices: readonly unknown[] | undefined;
  /**
   * For each choice, its purpose code when that is a string the schema did not reject, and the
   * catalogue's entry for it (`purposes`), when there is one, below choices.length. Read once for the
   * catalogue rules; the arrays are kept and refilled, so nothing is allocated per record.
   */
  readonly choicePurposes: (string | undefined)[];
  readonly choiceEntries: (PurposeEntry | undefined)[];
  /** For each choice, its value when that is a string the schema did not reject. */
  readonly choiceValues: (string | undefined)[];
  catalogueVersion: string | undefined;
  /** The purposes of the named catalogue version, or of the latest when the version is not known. */
  purposes: ReadonlyMap<string, PurposeEntry>;
  catalogueKnown: boolean;
}

const isObject = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const NONE: Rec = {};

export function newReading(context: Context): Reading {
  return {
    context,
    record: NONE,
    rejected: undefined,
    specVersion: undefined,
    upn: undefined,
    uln: undefined,
    dateOfBirth: undefined,
    dateOfBirthMissing: false,
    expressedAt: undefined,
    expressedDate: undefined,
    recordedAt: undefined,
    age: undefined,
    role: undefined,
    competenceBasis: undefined,
    competenceBasisUnread: false,
    channel: undefined,
    hasProvenance: false,
    transferredAt: undefined,
    originalRecordedAt: undefined,
    choices: undefined,
    choicePurposes: [],
    choiceEntries: [],
    choiceValues: [],
    catalogueVersion: undefined,
    purposes: context.catalogues.latest,
    catalogueKnown: false,
  };
}

/** A string value the schema did not reject at `pointer`. */
function text(rejected: Set<string> | undefined, pointer: string, v: unknown): string | undefined {
  return typeof v === 'string' && (rejected === undefined || !rejected.has(pointer)) ? v : undefined;
}

/** Refills `r` from one record (an object); `rejected` are the instance paths the schema failed. */
export function readStatement(r: Reading, s: Rec, rejected: Set<string> | undefined): void {
  r.record = s;
  r.rejected = rejected;
  r.specVersion = text(rejected, '/specVersion', s.specVersion);

  const subject = isObject(s.subject) ? s.subject : undefined;
  r.upn = subject && text(rejected, '/subject/upn', subject.upn);
  r.uln = subject && text(rejected, '/subject/uln', subject.uln);
  r.dateOfBirth = subject && text(rejected, '/subject/dateOfBirth', subject.dateOfBirth);
  r.dateOfBirthMissing = subject !== undefined && subject.dateOfBirth === undefined;

  r.expressedAt = text(rejected, '/expressedAt', s.expressedAt);
  r.recordedAt = text(rejected, '/recordedAt', s.recordedAt);
  const day = r.expressedAt?.slice(0, 10);
  r.expressedDate = day;
  r.age =
    day !== undefined && r.dateOfBirth !== undefined && day >= r.dateOfBirth
      ? ageOn(r.dateOfBirth, day)
      : undefined;

  const by = isObject(s.expressedBy) ? s.expressedBy : undefined;
  r.role = by && text(rejected, '/expressedBy/role', by.role);
  r.competenceBasis = text(rejected, '/competenceBasis', s.competenceBasis);
  r.competenceBasisUnread = s.competenceBasis !== undefined && r.competenceBasis === undefined;

  r.channel = text(rejected, '/channel', s.channel);
  r.hasProvenance = s.provenance !== undefined;
  const provenance = isObject(s.provenance) ? s.provenance : undefined;
  r.transferredAt = provenance && text(rejected, '/provenance/transferredAt', provenance.transferredAt);
  r.originalRecordedAt =
    provenance && text(rejected, '/provenance/originalRecordedAt', provenance.originalRecordedAt);

  r.catalogueVersion = text(rejected, '/catalogueVersion', s.catalogueVersion);
  const named =
    r.catalogueVersion === undefined ? undefined : r.context.catalogues.byVersion.get(r.catalogueVersion);
  r.catalogueKnown = named !== undefined;
  r.purposes = named ?? r.context.catalogues.latest;
  readChoices(r, Array.isArray(s.choices) ? s.choices : undefined);
}

function readChoices(r: Reading, choices: readonly unknown[] | undefined): void {
  r.choices = choices;
  // Indexes from choices.length on hold an earlier record's codes: rules read only below it.
  const n = choices?.length ?? 0;
  for (let i = 0; i < n; i++) {
    const c = choices![i];
    const choice = isObject(c) ? c : NONE;
    // The pointers are only built when the schema rejected something: not on the valid path.
    const p = choice.purpose;
    const purpose = typeof p === 'string' && !r.rejected?.has(`/choices/${i}/purpose`) ? p : undefined;
    const v = choice.value;
    r.choicePurposes[i] = purpose;
    r.choiceEntries[i] = purpose === undefined ? undefined : r.purposes.get(purpose);
    r.choiceValues[i] = typeof v === 'string' && !r.rejected?.has(`/choices/${i}/value`) ? v : undefined;
  }
}

/** Lets go of the last record, so a validator holds none between calls. */
export function forgetStatement(r: Reading): void {
  r.record = NONE;
  r.choices = undefined;
}
