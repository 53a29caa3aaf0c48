import type { Finding } from '@reuse-pref/schema';

/** One validation rule: the row of the table in spec/v1/validation.md. */
export interface Rule {
  readonly id: string;
  readonly severity: Finding['severity'];
  /** The field the rule looks at, as a dotted path; `*` for rules that apply to any field. */
  readonly field: string;
  /** What the rule checks, in one line. */
  readonly message: string;
  /** Why the rule exists, in one line. */
  readonly why: string;
}

/**
 * The rule table. Ids are permanent: a rule may be reworded, never renamed or reused, because suppliers
 * key their own help text and reports on them (as MIS suppliers do with CBDS rule numbers).
 */
export const rules = [
  // Schema rules: each maps one kind of JSON Schema failure, so every implementation reports the same id.
  {
    id: 'field-required',
    severity: 'error',
    field: '*',
    message: 'a required field is missing',
    why: 'The v1 statement schema requires it; a statement without it cannot be resolved or audited.',
  },
  {
    id: 'field-type',
    severity: 'error',
    field: '*',
    message: 'the value has the wrong JSON type (a statement must be an object)',
    why: 'Receivers in any language must read the same value the sender meant; no type coercion.',
  },
  {
    id: 'field-format',
    severity: 'error',
    field: '*',
    message: 'not a valid UUID, RFC 3339 full-date or RFC 3339 date-time with offset',
    why: 'Ordering by expressedAt (resolver rule 1) needs unambiguous instants; ids must compare reliably.',
  },
  {
    id: 'field-pattern',
    severity: 'error',
    field: '*',
    message: 'the value does not match the pattern the schema gives for this field',
    why: 'UPN, ULN, URN, LA-Estab and local references follow CBDS/CTF formats; control characters break MIS exports.',
  },
  {
    id: 'unknown-code',
    severity: 'error',
    field: '*',
    message: 'the value is not in the code list for this field',
    why: 'Closed code lists, as in CBDS: a code a receiver does not know cannot be given a meaning.',
  },
  {
    id: 'unknown-field',
    severity: 'error',
    field: '*',
    message: 'the field is not part of the v1 statement',
    why: 'Data minimisation (UK GDPR Art 5(1)(c)): a preference record carries only what the standard defines.',
  },
  {
    id: 'field-length',
    severity: 'error',
    field: '*',
    message: 'the text is shorter or longer than the schema allows (counted in Unicode code points)',
    why: 'Bounded text keeps records minimal (Art 5(1)(c)) and fits MIS and CTF field sizes.',
  },
  {
    id: 'choices-count',
    severity: 'error',
    field: 'choices',
    message: 'a statement has 1 to 64 choices',
    why: 'A statement with no choice says nothing; an unbounded list is a denial-of-service risk.',
  },
  {
    id: 'subject-identifier-missing',
    severity: 'error',
    field: 'subject',
    message: 'the subject has none of upn, uln, localId',
    why: 'The statement must be attachable to one pupil, or it cannot be honoured (Art 21 objections must reach the record).',
  },
  // Semantic rules.
  {
    id: 'spec-version-unsupported',
    severity: 'error',
    field: 'specVersion',
    message: 'the major version is not 1',
    why: 'Semver: a different major version may change meaning; a v1 receiver must not guess.',
  },
  {
    id: 'upn-check-letter',
    severity: 'error',
    field: 'subject.upn',
    message: 'the UPN check letter does not match characters 2 to 13',
    why: 'DfE UPN specification (CBDS): a mistyped UPN attaches a preference to the wrong pupil.',
  },
  {
    id: 'upn-temporary',
    severity: 'query',
    field: 'subject.upn',
    message: 'a temporary UPN (13th character a letter)',
    why: 'DfE UPN guidance: temporary UPNs are replaced by a permanent one, so the preference must follow the change.',
  },
  {
    id: 'uln-check-digit',
    severity: 'error',
    field: 'subject.uln',
    message: 'the ULN check digit does not match digits 1 to 9',
    why: 'Learning Records Service ULN algorithm: a mistyped ULN attaches a preference to the wrong learner.',
  },
  {
    id: 'catalogue-version-unknown',
    severity: 'query',
    field: 'catalogueVersion',
    message: 'the receiver does not know this purpose catalogue version',
    why: 'A newer sender is not an error; purposes the receiver knows are still checked against its latest catalogue.',
  },
  {
    id: 'purpose-unknown',
    severity: 'error',
    field: 'choices[].purpose',
    message: 'the purpose code is not in the named catalogue version',
    why: 'A choice about an undefined purpose cannot be honoured; transparency (Art 13/14) needs a published meaning.',
  },
  {
    id: 'purpose-takes-no-choice',
    severity: 'error',
    field: 'choices[].purpose',
    message: 'the purpose has kind none (core education) and takes no choice',
    why: 'Core education is not subject to objection or consent; recording a choice would mislead the person.',
  },
  {
    id: 'value-not-allowed-for-kind',
    severity: 'error',
    field: 'choices[].value',
    message: 'objection kinds take OBJT NOOB REFU NOBT; consent takes CONS DECL REFU NOBT',
    why: 'Art 21 is a right to object, Art 6(1)(a) and 7 need an opt-in: the answer must fit the right engaged.',
  },
  {
    id: 'purpose-repeated',
    severity: 'error',
    field: 'choices[].purpose',
    message: 'the purpose appears more than once in the statement',
    why: 'One form, one answer per purpose: two answers in one statement cannot be ordered.',
  },
  {
    id: 'date-of-birth-in-future',
    severity: 'error',
    field: 'subject.dateOfBirth',
    message: 'the date of birth is after the validator clock date',
    why: 'CBDS date-of-birth rule: an impossible date makes every age-based competence decision wrong.',
  },
  {
    id: 'date-of-birth-implausible',
    severity: 'query',
    field: 'subject.dateOfBirth',
    message: 'the pupil was under 2 or over 25 at expressedAt',
    why: 'CBDS-style age range query: probably a keying error, but real cases exist (nursery, post-19 provision).',
  },
  {
    id: 'expressed-before-birth',
    severity: 'error',
    field: 'expressedAt',
    message: 'the date of expressedAt is before the date of birth',
    why: 'Impossible: either date is wrong, and competence depends on both.',
  },
  {
    id: 'expressed-at-in-future',
    severity: 'error',
    field: 'expressedAt',
    message: 'expressedAt is more than 5 minutes after the validator clock',
    why: 'Resolver rule 1 orders by expressedAt: a future time would beat every real later statement.',
  },
  {
    id: 'expressed-after-census-date',
    severity: 'error',
    field: 'expressedAt',
    message: 'the date of expressedAt is after the census reference date',
    why: 'CBDS: a census return reports the position on census day; later statements belong to the next return.',
  },
  {
    id: 'recorded-at-in-future',
    severity: 'error',
    field: 'recordedAt',
    message: 'recordedAt is more than 5 minutes after the validator clock',
    why: 'Audit trail integrity (Art 5(2) accountability): a record cannot be made in the future.',
  },
  {
    id: 'recorded-before-expressed',
    severity: 'error',
    field: 'recordedAt',
    message: 'recordedAt is before expressedAt',
    why: 'A choice cannot be recorded before it was made; one of the times is wrong and ordering depends on it.',
  },
  {
    id: 'pupil-under-competence-age',
    severity: 'query',
    field: 'expressedBy.role',
    message: 'a pupil statement for a pupil under the competence age, without ASSD (or PR12)',
    why: 'Resolver rule 2: kept but not deciding; staff should assess competence (ICO children guidance, Gillick).',
  },
  {
    id: 'presumption-under-age',
    severity: 'error',
    field: 'competenceBasis',
    message: 'PR12 on a pupil statement, but the pupil was under the competence age at expressedAt',
    why: 'The presumption of competence at 12 (DPA 2018 s208 in Scotland, ICO guidance) cannot apply below that age.',
  },
  {
    id: 'pupil-age-unknown',
    severity: 'query',
    field: 'subject.dateOfBirth',
    message: 'a pupil statement without a date of birth and without ASSD or PR12',
    why: 'Competence cannot be established, so the statement may not decide anything (resolver rule 2).',
  },
  {
    id: 'parent-for-competent-pupil',
    severity: 'query',
    field: 'competenceBasis',
    message:
      'a non-pupil statement for a pupil at or over the competence age, with no competenceBasis (or NA)',
    why: 'A competent pupil holds their own rights (ICO children guidance); a parent should act with AUTH or BINT.',
  },
  {
    id: 'competence-basis-wrong-role',
    severity: 'error',
    field: 'competenceBasis',
    message: 'ASSD and PR12 are for pupil statements; AUTH and BINT are for statements by others',
    why: 'The basis says why this person may speak; it must fit who spoke, or resolver rule 2 misreads it.',
  },
  {
    id: 'ctf-provenance-missing',
    severity: 'error',
    field: 'provenance',
    message: 'channel is CTFI but provenance is missing',
    why: 'Resolver rule 6: an imported statement keeps where and when it was first recorded (CTF practice).',
  },
  {
    id: 'provenance-without-ctf',
    severity: 'error',
    field: 'provenance',
    message: 'provenance is given but channel is not CTFI',
    why: 'Provenance describes a CTF transfer; on another channel it contradicts the record.',
  },
  {
    id: 'transferred-before-expressed',
    severity: 'error',
    field: 'provenance.transferredAt',
    message: 'the transfer is before expressedAt',
    why: 'A statement cannot be transferred before it was made; one of the times is wrong.',
  },
  {
    id: 'original-recorded-before-expressed',
    severity: 'error',
    field: 'provenance.originalRecordedAt',
    message: 'the original recording is before expressedAt',
    why: 'Same as recorded-before-expressed, for the first school: the audit trail must be possible.',
  },
  {
    id: 'recorded-before-transferred',
    severity: 'error',
    field: 'recordedAt',
    message: 'an imported statement is recorded before its transfer',
    why: 'The receiving school cannot record a CTF statement before the file reached it.',
  },
  {
    id: 'statement-id-conflict',
    severity: 'error',
    field: 'id (history)',
    message: 'the same statement id (compared case-insensitively) with different decision-relevant content',
    why: 'Statements are immutable: two contents under one id break the audit trail (Art 5(2)) and resolver ordering.',
  },
] as const satisfies readonly Rule[];

export type RuleId = (typeof rules)[number]['id'];

export const ruleById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.id, r]));
