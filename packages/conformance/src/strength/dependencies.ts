/**
 * Which Statement fields each rule's outcome depends on, as the spec text says (resolver.md §3,
 * validation.md §5-§7). This is the one hand-written half of the field × rule table; the other half
 * (which of these the vectors actually vary) is derived from the vectors by `field-rule.ts`.
 *
 * Schema rules (`field-required`, `field-pattern`, ... whose field is `*`) are not listed: they apply to
 * every field the schema constrains and are held to "fired by one test and not fired by a near miss" by
 * the validator's own coverage test.
 */

/** The rows of the table: Statement fields, as dotted paths; `[]` marks an array of choices. */
export const statementFields = [
  'id',
  'specVersion',
  'catalogueVersion',
  'subject.upn',
  'subject.uln',
  'subject.localId',
  'subject.dateOfBirth',
  'setting',
  'expressedBy.role',
  'expressedBy.personRef',
  'competenceBasis',
  'expressedAt',
  'recordedAt',
  'recordedBy',
  'channel',
  'notice',
  'choices[].purpose',
  'choices[].value',
  'choices[].grounds',
  'provenance',
  'provenance.transferredAt',
  'provenance.originalRecordedAt',
] as const;
export type StatementField = (typeof statementFields)[number];

export interface RuleDependencies {
  /** `R1`..`R12` (resolver.md) or a validation rule id (validation.md). */
  rule: string;
  kind: 'resolver' | 'validation';
  fields: readonly StatementField[];
}

/** The decision-relevant content that R2 and `statement-id-conflict` compare (validation.md §7). */
const conflictKey: readonly StatementField[] = [
  'subject.upn',
  'subject.uln',
  'subject.localId',
  'subject.dateOfBirth',
  'expressedBy.role',
  'expressedBy.personRef',
  'competenceBasis',
  'expressedAt',
  'catalogueVersion',
  'choices[].value',
];

const r = (rule: string, fields: readonly StatementField[]): RuleDependencies => ({
  rule,
  kind: 'resolver',
  fields,
});
const v = (rule: string, fields: readonly StatementField[]): RuleDependencies => ({
  rule,
  kind: 'validation',
  fields,
});

export const ruleDependencies: readonly RuleDependencies[] = [
  // R2: copies grouped by id, the earliest recordedAt used, a conflict when the conflict keys differ.
  r('R2', ['id', 'recordedAt', ...conflictKey]),
  r('R1', ['expressedAt']),
  r('R3', ['expressedAt', 'recordedAt', 'id']),
  r('R4', ['subject.dateOfBirth', 'expressedAt']),
  r('R5', ['expressedBy.role', 'competenceBasis', 'subject.dateOfBirth', 'expressedAt']),
  r('R6', ['choices[].value']),
  r('R7', ['expressedBy.personRef', 'choices[].value']),
  r('R8', ['expressedBy.role', 'competenceBasis', 'expressedAt']),
  r('R9', ['expressedBy.personRef', 'choices[].value']),
  r('R10', ['choices[].value']),
  r('R11', ['choices[].value']),
  r('R12', ['subject.dateOfBirth', 'expressedBy.role', 'competenceBasis', 'expressedAt']),
  v('spec-version-unsupported', ['specVersion']),
  v('upn-check-letter', ['subject.upn']),
  v('upn-temporary', ['subject.upn']),
  v('uln-check-digit', ['subject.uln']),
  v('catalogue-version-unknown', ['catalogueVersion']),
  v('purpose-unknown', ['choices[].purpose', 'catalogueVersion']),
  v('purpose-takes-no-choice', ['choices[].purpose']),
  v('value-not-allowed-for-kind', ['choices[].purpose', 'choices[].value']),
  v('purpose-repeated', ['choices[].purpose']),
  v('date-of-birth-in-future', ['subject.dateOfBirth']),
  v('date-of-birth-implausible', ['subject.dateOfBirth', 'expressedAt']),
  v('expressed-before-birth', ['subject.dateOfBirth', 'expressedAt']),
  v('expressed-at-in-future', ['expressedAt']),
  v('expressed-after-census-date', ['expressedAt']),
  v('recorded-at-in-future', ['recordedAt']),
  v('recorded-before-expressed', ['recordedAt', 'expressedAt']),
  v('pupil-under-competence-age', [
    'expressedBy.role',
    'competenceBasis',
    'subject.dateOfBirth',
    'expressedAt',
  ]),
  v('presumption-under-age', ['expressedBy.role', 'competenceBasis', 'subject.dateOfBirth', 'expressedAt']),
  v('pupil-age-unknown', ['expressedBy.role', 'competenceBasis', 'subject.dateOfBirth']),
  v('parent-for-competent-pupil', [
    'expressedBy.role',
    'competenceBasis',
    'subject.dateOfBirth',
    'expressedAt',
  ]),
  v('competence-basis-wrong-role', ['expressedBy.role', 'competenceBasis']),
  v('ctf-provenance-missing', ['channel', 'provenance']),
  v('provenance-without-ctf', ['channel', 'provenance']),
  v('transferred-before-expressed', ['provenance.transferredAt', 'expressedAt']),
  v('original-recorded-before-expressed', ['provenance.originalRecordedAt', 'expressedAt']),
  v('recorded-before-transferred', ['provenance.transferredAt', 'recordedAt']),
  v('statement-id-conflict', ['id', ...conflictKey, 'choices[].purpose']),
];
