// Writes conformance/vectors/v1/validation/**. Run: pnpm --filter @reuse-pref/validator vectors
// Expected outcomes are written here by hand, never computed by the validator: the vectors pin the spec,
// and the checked-in JSON is what every implementation (this one included) is tested against.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

interface Expect {
  valid: boolean;
  errors: string[];
  queries: string[];
  findings?: { rule: string; pointer: string }[];
}
interface Test {
  id: string;
  description: string;
  comment?: string;
  data: Json;
  expect: Expect;
}
interface Case {
  id: string;
  description: string;
  comment?: string;
  section: string;
  level: 'MUST' | 'SHOULD' | 'MAY';
  options: { now: string; censusDate?: string; competenceAge?: number };
  tests: Test[];
}

const NOW = '2026-11-01T00:00:00Z';

/** The example statement of spec/v1/examples: a parent of an 11-year-old, valid. */
function base(): Obj {
  return {
    id: '5b0e6c1e-3f6a-4d8e-9a51-2f4c8d7e1a01',
    specVersion: '1.0.0',
    catalogueVersion: '1',
    subject: { upn: 'B801200005001', uln: '1234567899', localId: 'ADM-00412', dateOfBirth: '2015-03-14' },
    setting: { urn: '100000', laEstab: '8012000' },
    expressedBy: { role: 'PAR', personRef: 'C-2231' },
    competenceBasis: 'NA',
    expressedAt: '2026-09-03T08:15:00Z',
    recordedAt: '2026-09-04T10:02:11Z',
    recordedBy: { supplierId: 'SUP-EXAMPLE', system: 'Example MIS', systemVersion: '7.2.1' },
    channel: 'PAPR',
    notice: { id: 'NOTICE-ADMISSIONS', version: '2026.1', language: 'en' },
    choices: [
      { purpose: 'STAT', value: 'NOOB' },
      { purpose: 'RSCH', value: 'NOOB' },
      { purpose: 'RSXT', value: 'OBJT', grounds: "We do not want copies of our child's record sent out." },
      { purpose: 'LINK', value: 'OBJT' },
      { purpose: 'COMM', value: 'DECL' },
      { purpose: 'AIDV', value: 'DECL' },
      { purpose: 'MEDI', value: 'DECL' },
      { purpose: 'OPER', value: 'NOOB' },
      { purpose: 'IMMI', value: 'OBJT' },
      { purpose: 'POLC', value: 'REFU' },
      { purpose: 'APPS', value: 'NOOB' },
    ],
  };
}

const PROVENANCE: Obj = {
  originalSetting: { urn: '100001', laEstab: '8012001' },
  originalChannel: 'PAPR',
  originalRecordedAt: '2026-09-04T10:02:11Z',
  originalRecordedBy: { supplierId: 'SUP-OTHER', system: 'Other MIS' },
  transferredAt: '2026-10-01T12:00:00Z',
};

/** A CTF-imported copy of the base statement, valid. */
function ctf(): Obj {
  return with_(base(), {
    channel: 'CTFI',
    recordedAt: '2026-10-02T09:00:00Z',
    recordedBy: { supplierId: 'SUP-EXAMPLE', system: 'Example MIS' },
    provenance: structuredClone(PROVENANCE),
  });
}

/** Sets (or, with undefined, deletes) fields by dotted path; `choices.0.value` indexes arrays. */
function with_(obj: Obj, changes: Record<string, Json | undefined>): Obj {
  const out = structuredClone(obj);
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split('.');
    let target = out as Record<string, Json>;
    for (const k of keys.slice(0, -1)) target = target[k] as Record<string, Json>;
    const last = keys[keys.length - 1]!;
    if (value === undefined) delete target[last];
    else target[last] = value;
  }
  return out;
}
const b = (changes: Record<string, Json | undefined> = {}) => with_(base(), changes);
const choices = (...pairs: [string, string][]): Json => pairs.map(([purpose, value]) => ({ purpose, value }));

function exp(errors: string[] = [], queries: string[] = [], findings?: [string, string][]): Expect {
  return {
    valid: errors.length === 0,
    errors,
    queries,
    ...(findings ? { findings: findings.map(([rule, pointer]) => ({ rule, pointer })) } : {}),
  };
}
const OK = exp();
const E = (rule: string, pointer?: string, more: string[] = []) =>
  exp([rule, ...more], [], pointer === undefined ? undefined : [[rule, pointer]]);
const Q = (rule: string, pointer?: string) =>
  exp([], [rule], pointer === undefined ? undefined : [[rule, pointer]]);

function t(id: string, description: string, data: Json, expect: Expect, comment?: string): Test {
  return { id, description, data, expect, ...(comment ? { comment } : {}) };
}
function rule(
  id: string,
  description: string,
  tests: Test[],
  extra: { comment?: string; options?: Partial<Case['options']>; section?: string } = {},
): Case {
  return {
    id,
    description,
    ...(extra.comment ? { comment: extra.comment } : {}),
    section: extra.section ?? `validation.md ${id.replace(/^history-/, '')}`,
    level: 'MUST',
    options: { now: NOW, ...extra.options },
    tests,
  };
}

const files: Record<string, Case[]> = {};

files.structure = [
  rule('field-type', 'A statement is a JSON object, and every field has its JSON type', [
    t('null', 'null is not a statement', null, E('field-type', '')),
    t('array', 'an array of statements is not one statement', [base()], E('field-type', '')),
    t('string', 'a string is not a statement', 'statement', E('field-type', '')),
    t('number', 'a number is not a statement', 42, E('field-type', '')),
    t('boolean', 'true is not a statement', true, E('field-type', '')),
    t('id-number', 'id as a number', b({ id: 5 }), E('field-type', '/id')),
    t('subject-string', 'subject as a string', b({ subject: 'B801200005001' }), E('field-type', '/subject')),
    t(
      'choices-object',
      'choices as an object',
      b({ choices: { STAT: 'NOOB' } }),
      E('field-type', '/choices'),
    ),
    t('choice-null', 'a null choice', b({ 'choices.0': null }), E('field-type', '/choices/0')),
    t(
      'role-number-once',
      'a role of the wrong type is reported once, as field-type, not also as unknown-code',
      b({ 'expressedBy.role': 1 }),
      E('field-type', '/expressedBy/role'),
    ),
    t(
      'grounds-number',
      'grounds as a number',
      b({ 'choices.2.grounds': 5 }),
      E('field-type', '/choices/2/grounds'),
    ),
    t(
      'dob-number',
      'dateOfBirth as a number is a type error, and no age rule runs on it',
      b({ 'subject.dateOfBirth': 20150314 }),
      E('field-type', '/subject/dateOfBirth'),
    ),
    t('numeric-string-id', 'a UUID in a string is the right type (near miss)', b(), OK),
    t('empty-object-subject-ok', 'the example statement is an object (near miss)', b(), OK),
  ]),
  rule('field-required', 'Every required field is present', [
    t('empty-object', 'an empty object misses every required field', {}, exp(['field-required'])),
    t('no-id', 'id missing', b({ id: undefined }), E('field-required', '/id')),
    t(
      'no-spec-version',
      'specVersion missing',
      b({ specVersion: undefined }),
      E('field-required', '/specVersion'),
    ),
    t('no-choices', 'choices missing', b({ choices: undefined }), E('field-required', '/choices')),
    t(
      'no-recorded-at',
      'recordedAt missing',
      b({ recordedAt: undefined }),
      E('field-required', '/recordedAt'),
    ),
    t(
      'no-role',
      'expressedBy.role missing',
      b({ 'expressedBy.role': undefined }),
      E('field-required', '/expressedBy/role'),
    ),
    t(
      'no-value',
      'a choice without value',
      b({ 'choices.0.value': undefined }),
      E('field-required', '/choices/0/value'),
    ),
    t(
      'no-setting-urn',
      'setting.urn missing',
      b({ 'setting.urn': undefined }),
      E('field-required', '/setting/urn'),
    ),
    t(
      'optional-absent',
      'competenceBasis, grounds, systemVersion and dateOfBirth are optional (near miss)',
      b({
        competenceBasis: undefined,
        'choices.2.grounds': undefined,
        'recordedBy.systemVersion': undefined,
        'subject.dateOfBirth': undefined,
      }),
      OK,
    ),
  ]),
  rule(
    'unknown-field',
    'No field outside the v1 statement',
    [
      t('extra-top', 'an extra top-level field', b({ note: 'hello' }), E('unknown-field', '/note')),
      t(
        'extra-subject',
        'an extra subject field (a name is never part of a statement)',
        b({ 'subject.name': 'Ada' }),
        E('unknown-field', '/subject/name'),
      ),
      t(
        'extra-choice',
        'an extra field in a choice',
        b({ 'choices.0.weight': 1 }),
        E('unknown-field', '/choices/0/weight'),
      ),
      t(
        'proto-key',
        'a "__proto__" key is an unknown field',
        JSON.parse(JSON.stringify(b()).replace(/^\{/, '{"__proto__":{"valid":true},')),
        E('unknown-field', '/__proto__'),
        'JSON.parse makes "__proto__" an own property. An implementation that copies keys with obj[key] = v would change the prototype instead: it would miss the field, and could pollute Object.prototype.',
      ),
      t(
        'proto-key-in-subject',
        'a "__proto__" key inside subject cannot smuggle in an identifier',
        JSON.parse(
          JSON.stringify(b({ subject: { localId: 'ADM-1' } })).replace(
            '"subject":{',
            '"subject":{"__proto__":{"upn":"A801200005001"},',
          ),
        ),
        E('unknown-field', '/subject/__proto__'),
        'Reading subject.upn must not find the value through the prototype: the UPN inside it is never checked, because it is not there.',
      ),
      t(
        'constructor-key',
        'a "constructor" key is an unknown field',
        b({ constructor: { name: 'Object' } }),
        E('unknown-field', '/constructor'),
        'Lookups keyed by field or code must not find Object.prototype members: "constructor" is not a field.',
      ),
      t(
        'constructor-in-choice',
        'a "constructor" key in a choice',
        b({ 'choices.0.constructor': 'x' }),
        E('unknown-field', '/choices/0/constructor'),
      ),
      t(
        'slash-key',
        'a key with "/" is escaped in the pointer',
        b({ 'a/b': 1 }),
        E('unknown-field', '/a~1b'),
      ),
      t(
        'tilde-key',
        'a key with "~" is escaped in the pointer',
        b({ 'm~n': 1 }),
        E('unknown-field', '/m~0n'),
      ),
      t('empty-key', 'an empty key', b({ '': 1 }), E('unknown-field', '/')),
      t(
        'case-variant',
        'field names are case-sensitive: "ID" is not "id"',
        b({ ID: 'x' }),
        E('unknown-field', '/ID'),
      ),
      t('all-known', 'every field known, including the optional ones (near miss)', b(), OK),
    ],
    { comment: 'Keys are compared exactly, as strings; none is special.' },
  ),
];
files.structure.push(
  rule('subject-identifier-missing', 'A subject has at least one of upn, uln, localId', [
    t('empty-subject', 'subject is empty', b({ subject: {} }), E('subject-identifier-missing', '/subject')),
    t(
      'only-dob',
      'subject has only a date of birth',
      b({ subject: { dateOfBirth: '2015-03-14' } }),
      E('subject-identifier-missing', '/subject'),
    ),
    t(
      'only-localid',
      'only a local id (near miss)',
      b({ subject: { localId: 'ADM-1', dateOfBirth: '2015-03-14' } }),
      OK,
    ),
    t('only-uln', 'only a ULN (near miss)', b({ subject: { uln: '1234567899' } }), OK),
    t('only-upn', 'only a UPN (near miss)', b({ subject: { upn: 'B801200005001' } }), OK),
    t(
      'empty-localid',
      'an empty localId is present, so the identifier rule holds; its own pattern and length fail',
      b({ subject: { localId: '' } }),
      exp(['field-length', 'field-pattern']),
    ),
  ]),
);

const UUID = '5b0e6c1e-3f6a-4d8e-9a51-2f4c8d7e1a01';
files.formats = [
  rule('field-format', 'UUIDs, dates and date-times follow RFC 9562 and RFC 3339', [
    t('uuid-upper', 'an upper-case UUID is valid (near miss)', b({ id: UUID.toUpperCase() }), OK),
    t(
      'uuid-mixed',
      'a mixed-case UUID is valid (near miss)',
      b({ id: '5B0e6C1e-3f6a-4D8e-9a51-2f4c8d7e1A01' }),
      OK,
    ),
    t(
      'uuid-nil',
      'the nil UUID is a UUID (near miss)',
      b({ id: '00000000-0000-0000-0000-000000000000' }),
      OK,
    ),
    t(
      'uuid-urn',
      'a urn:uuid: prefix is not the UUID text form',
      b({ id: `urn:uuid:${UUID}` }),
      E('field-format', '/id'),
      'ajv-formats accepts this prefix; the standard does not, so every implementation reads ids the same way.',
    ),
    t('uuid-braces', 'braces around a UUID', b({ id: `{${UUID}}` }), E('field-format', '/id')),
    t(
      'uuid-no-hyphens',
      'a UUID without hyphens',
      b({ id: UUID.replace(/-/g, '') }),
      E('field-format', '/id'),
    ),
    t('uuid-trailing-space', 'a UUID with a trailing space', b({ id: `${UUID} ` }), E('field-format', '/id')),
    t(
      'uuid-leading-newline',
      'a UUID with a leading newline',
      b({ id: `\n${UUID}` }),
      E('field-format', '/id'),
    ),
    t(
      'uuid-cyrillic',
      'a UUID with a Cyrillic "е" that looks like "e"',
      b({ id: UUID.replace('e', '\u0435') }),
      E('field-format', '/id'),
    ),
    t(
      'uuid-fullwidth',
      'a UUID with a full-width digit',
      b({ id: UUID.replace('5', '\uff15') }),
      E('field-format', '/id'),
    ),
    t(
      'uuid-nul',
      'a UUID with a NUL character appended',
      b({ id: `${UUID}\u0000` }),
      E('field-format', '/id'),
    ),
    t(
      'dob-feb-29-non-leap',
      '29 February in a non-leap year',
      b({ 'subject.dateOfBirth': '2015-02-29' }),
      E('field-format', '/subject/dateOfBirth'),
    ),
    t(
      'dob-feb-29-leap',
      '29 February in a leap year (near miss)',
      b({ 'subject.dateOfBirth': '2016-02-29' }),
      OK,
    ),
    t(
      'dob-no-padding',
      'a date without zero padding',
      b({ 'subject.dateOfBirth': '2015-3-14' }),
      E('field-format', '/subject/dateOfBirth'),
    ),
    t(
      'dob-with-time',
      'a date-time where a date is expected',
      b({ 'subject.dateOfBirth': '2015-03-14T00:00:00Z' }),
      E('field-format', '/subject/dateOfBirth'),
    ),
    t(
      'dob-basic-format',
      'an ISO 8601 basic-format date',
      b({ 'subject.dateOfBirth': '20150314' }),
      E('field-format', '/subject/dateOfBirth'),
    ),
    t(
      'dob-month-13',
      'month 13',
      b({ 'subject.dateOfBirth': '2015-13-01' }),
      E('field-format', '/subject/dateOfBirth'),
    ),
    t(
      'dt-no-offset',
      'a date-time without offset is ambiguous',
      b({ expressedAt: '2026-09-03T08:15:00' }),
      E('field-format', '/expressedAt'),
    ),
    t(
      'dt-space',
      'a space instead of T',
      b({ expressedAt: '2026-09-03 08:15:00Z' }),
      E('field-format', '/expressedAt'),
      'RFC 3339 section 5.6 requires T; some libraries also take a space. The standard does not.',
    ),
    t(
      'dt-lowercase',
      'lower-case t and z are RFC 3339 (near miss)',
      b({ expressedAt: '2026-09-03t08:15:00z' }),
      OK,
    ),
    t('dt-offset', 'a +01:00 offset (near miss)', b({ expressedAt: '2026-09-03T09:15:00+01:00' }), OK),
    t(
      'dt-negative-zero',
      'the -00:00 offset (near miss)',
      b({ expressedAt: '2026-09-03T08:15:00-00:00' }),
      OK,
    ),
    t(
      'dt-offset-no-colon',
      'an offset without colon',
      b({ expressedAt: '2026-09-03T09:15:00+0100' }),
      E('field-format', '/expressedAt'),
    ),
    t(
      'dt-offset-hours-only',
      'an offset with hours only',
      b({ expressedAt: '2026-09-03T09:15:00+01' }),
      E('field-format', '/expressedAt'),
    ),
    t('dt-hour-24', 'hour 24', b({ expressedAt: '2026-09-03T24:00:00Z' }), E('field-format', '/expressedAt')),
    t(
      'dt-feb-30',
      '30 February',
      b({ expressedAt: '2026-02-30T08:15:00Z' }),
      E('field-format', '/expressedAt'),
    ),
    t(
      'dt-fraction',
      'nine fractional digits (near miss)',
      b({ expressedAt: '2026-09-03T08:15:00.123456789Z' }),
      OK,
    ),
    t(
      'dt-empty-fraction',
      'a decimal point without digits',
      b({ expressedAt: '2026-09-03T08:15:00.Z' }),
      E('field-format', '/expressedAt'),
    ),
    t(
      'dt-no-seconds',
      'no seconds',
      b({ expressedAt: '2026-09-03T08:15Z' }),
      E('field-format', '/expressedAt'),
    ),
    t(
      'dt-leap-second',
      'a leap second at 23:59:60 UTC (near miss)',
      b({
        expressedAt: '2016-12-31T23:59:60Z',
        recordedAt: '2017-01-01T00:00:00Z',
        'subject.dateOfBirth': '2006-01-01',
        competenceBasis: 'BINT',
      }),
      OK,
      'The leap second counts as the first instant of the next minute, so recordedAt equal to it is not before it.',
    ),
    t(
      'dt-leap-second-wrong-minute',
      'second 60 that is not 23:59 UTC',
      b({ expressedAt: '2016-12-31T23:59:60+01:00' }),
      E('field-format', '/expressedAt'),
    ),
    t(
      'dt-recorded',
      'a malformed recordedAt',
      b({ recordedAt: 'yesterday' }),
      E('field-format', '/recordedAt'),
    ),
  ]),
];

const LONG = (n: number, unit = 'a') => unit.repeat(n);
files.patterns = [
  rule('field-pattern', 'Identifiers and references follow their published patterns', [
    t('urn-5-digits', 'a 5-digit URN', b({ 'setting.urn': '10000' }), E('field-pattern', '/setting/urn')),
    t('urn-7-digits', 'a 7-digit URN', b({ 'setting.urn': '1000000' }), E('field-pattern', '/setting/urn')),
    t(
      'urn-space',
      'a URN with a leading space',
      b({ 'setting.urn': ' 100000' }),
      E('field-pattern', '/setting/urn'),
    ),
    t(
      'laestab-6',
      'a 6-digit LA-Estab',
      b({ 'setting.laEstab': '801200' }),
      E('field-pattern', '/setting/laEstab'),
    ),
    t(
      'upn-lowercase',
      'a lower-case UPN is malformed, not a check-letter error',
      b({ 'subject.upn': 'b801200005001' }),
      E('field-pattern', '/subject/upn'),
    ),
    t(
      'upn-letter-i',
      'I is not in the UPN alphabet',
      b({ 'subject.upn': 'I801200005001' }),
      E('field-pattern', '/subject/upn'),
    ),
    t(
      'upn-12',
      'a 12-character UPN',
      b({ 'subject.upn': 'A80120000500' }),
      E('field-pattern', '/subject/upn'),
    ),
    t(
      'upn-spaces',
      'a UPN with a space inside',
      b({ 'subject.upn': 'B8012 0005001' }),
      E('field-pattern', '/subject/upn'),
    ),
    t('uln-9', 'a 9-digit ULN', b({ 'subject.uln': '123456789' }), E('field-pattern', '/subject/uln')),
    t(
      'uln-fullwidth',
      'a ULN with full-width digits',
      b({ 'subject.uln': '\uff11234567899' }),
      E('field-pattern', '/subject/uln'),
    ),
    t(
      'personref-leading-space',
      'a personRef with a leading space',
      b({ 'expressedBy.personRef': ' C-2231' }),
      E('field-pattern', '/expressedBy/personRef'),
      'Two references are the same person only when they are identical strings; padding would split one person in two.',
    ),
    t(
      'personref-trailing-space',
      'a personRef with a trailing space',
      b({ 'expressedBy.personRef': 'C-2231 ' }),
      E('field-pattern', '/expressedBy/personRef'),
    ),
    t(
      'personref-nbsp',
      'a personRef starting with a no-break space',
      b({ 'expressedBy.personRef': '\u00a0C-2231' }),
      E('field-pattern', '/expressedBy/personRef'),
    ),
    t(
      'personref-nul',
      'a personRef with a NUL character',
      b({ 'expressedBy.personRef': 'C-\u00002231' }),
      E('field-pattern', '/expressedBy/personRef'),
    ),
    t(
      'personref-tab',
      'a personRef with a tab',
      b({ 'expressedBy.personRef': 'C\t2231' }),
      E('field-pattern', '/expressedBy/personRef'),
    ),
    t(
      'personref-del',
      'a personRef with DEL (0x7f)',
      b({ 'expressedBy.personRef': 'C\u007f2231' }),
      E('field-pattern', '/expressedBy/personRef'),
    ),
    t(
      'personref-inner-space',
      'an inner space is allowed (near miss)',
      b({ 'expressedBy.personRef': 'C 2231' }),
      OK,
    ),
    t(
      'personref-unicode',
      'accented letters are allowed (near miss)',
      b({ 'expressedBy.personRef': 'Çé-2231' }),
      OK,
    ),
    t(
      'personref-emoji',
      'astral characters are allowed (near miss)',
      b({ 'expressedBy.personRef': '\u{1F469}\u200d\u{1F467}' }),
      OK,
    ),
    t(
      'personref-zwsp',
      'a zero-width space inside is allowed, and makes a different reference (near miss)',
      b({ 'expressedBy.personRef': 'C-\u200b2231' }),
      OK,
    ),
    t(
      'localid-trailing-newline',
      'a localId with a trailing newline',
      b({ 'subject.localId': 'ADM-00412\n' }),
      E('field-pattern', '/subject/localId'),
    ),
    t(
      'language-upper',
      'an upper-case language tag',
      b({ 'notice.language': 'EN' }),
      E('field-pattern', '/notice/language'),
    ),
    t('language-cy', 'Welsh (near miss)', b({ 'notice.language': 'cy' }), OK),
    t('language-region', 'en-GB (near miss)', b({ 'notice.language': 'en-GB' }), OK),
    t(
      'spec-version-two-part',
      'specVersion with two parts',
      b({ specVersion: '1.0' }),
      E('field-pattern', '/specVersion'),
    ),
    t(
      'spec-version-v',
      'specVersion with a v prefix',
      b({ specVersion: 'v1.0.0' }),
      E('field-pattern', '/specVersion'),
    ),
    t(
      'catalogue-version-zero',
      'catalogue version 0',
      b({ catalogueVersion: '0' }),
      E('field-pattern', '/catalogueVersion'),
    ),
    t(
      'catalogue-version-leading-zero',
      'catalogue version 01',
      b({ catalogueVersion: '01' }),
      E('field-pattern', '/catalogueVersion'),
    ),
    t(
      'purpose-lowercase',
      'a lower-case purpose code',
      b({ 'choices.0.purpose': 'stat' }),
      E('field-pattern', '/choices/0/purpose'),
    ),
    t(
      'purpose-5-letters',
      'a 5-letter purpose code',
      b({ 'choices.0.purpose': 'STATS' }),
      E('field-pattern', '/choices/0/purpose'),
    ),
  ]),
];

files.codes = [
  rule('unknown-code', 'Coded fields take a code from their code list, exactly', [
    t(
      'role-word',
      'role PARENT',
      b({ 'expressedBy.role': 'PARENT' }),
      E('unknown-code', '/expressedBy/role'),
    ),
    t(
      'role-lowercase',
      'role par: codes are case-sensitive',
      b({ 'expressedBy.role': 'par' }),
      E('unknown-code', '/expressedBy/role'),
    ),
    t('channel', 'channel POST', b({ channel: 'POST' }), E('unknown-code', '/channel')),
    t('basis', 'competenceBasis YES', b({ competenceBasis: 'YES' }), E('unknown-code', '/competenceBasis')),
    t('value', 'value YES', b({ 'choices.0.value': 'YES' }), E('unknown-code', '/choices/0/value')),
    t(
      'value-lowercase',
      'value objt',
      b({ 'choices.3.value': 'objt' }),
      E('unknown-code', '/choices/3/value'),
    ),
    t(
      'value-padded',
      'value "OBJT " with a trailing space',
      b({ 'choices.3.value': 'OBJT ' }),
      E('unknown-code', '/choices/3/value'),
    ),
    t('value-empty', 'an empty value', b({ 'choices.3.value': '' }), E('unknown-code', '/choices/3/value')),
    t(
      'original-channel',
      'an unknown provenance.originalChannel',
      with_(ctf(), { 'provenance.originalChannel': 'FAX' }),
      E('unknown-code', '/provenance/originalChannel'),
    ),
    t(
      'basis-unknown-pupil',
      'an unknown basis on a young pupil statement gives only unknown-code: competence is not judged on it',
      b({ 'expressedBy.role': 'PUP', competenceBasis: 'MAYBE' }),
      E('unknown-code', '/competenceBasis'),
    ),
    t(
      'every-role',
      'CORP with BINT, a known code (near miss)',
      b({ 'expressedBy.role': 'CORP', competenceBasis: 'BINT' }),
      OK,
    ),
    t('channel-known', 'channel ONLN (near miss)', b({ channel: 'ONLN' }), OK),
  ]),
];

files.lengths = [
  rule('field-length', 'Text fields stay within their length, counted in Unicode code points', [
    t(
      'grounds-500',
      'grounds of exactly 500 characters (near miss)',
      b({ 'choices.2.grounds': LONG(500) }),
      OK,
    ),
    t(
      'grounds-501',
      'grounds of 501 characters',
      b({ 'choices.2.grounds': LONG(501) }),
      E('field-length', '/choices/2/grounds'),
    ),
    t(
      'grounds-500-astral',
      '500 emoji are 500 characters though 1000 UTF-16 units (near miss)',
      b({ 'choices.2.grounds': LONG(500, '\u{1F600}') }),
      OK,
      'JSON Schema counts code points; an implementation counting UTF-16 units would wrongly reject this.',
    ),
    t(
      'grounds-501-astral',
      '501 emoji',
      b({ 'choices.2.grounds': LONG(501, '\u{1F600}') }),
      E('field-length', '/choices/2/grounds'),
    ),
    t('grounds-empty', 'empty grounds are allowed (near miss)', b({ 'choices.2.grounds': '' }), OK),
    t(
      'grounds-nul',
      'grounds are free text: a NUL inside is kept, not an end of string (near miss)',
      b({ 'choices.2.grounds': 'no\u0000thanks' }),
      OK,
    ),
    t(
      'grounds-500-whitespace',
      '500 spaces are 500 characters (near miss)',
      b({ 'choices.2.grounds': LONG(500, ' ') }),
      OK,
    ),
    t(
      'personref-64',
      'a 64-character personRef (near miss)',
      b({ 'expressedBy.personRef': LONG(64, 'C') }),
      OK,
    ),
    t(
      'personref-65',
      'a 65-character personRef',
      b({ 'expressedBy.personRef': LONG(65, 'C') }),
      E('field-length', '/expressedBy/personRef'),
    ),
    t(
      'personref-empty',
      'an empty personRef fails its length and its pattern',
      b({ 'expressedBy.personRef': '' }),
      exp(['field-length', 'field-pattern']),
    ),
    t('system-100', 'a 100-character system name (near miss)', b({ 'recordedBy.system': LONG(100) }), OK),
    t(
      'system-101',
      'a 101-character system name',
      b({ 'recordedBy.system': LONG(101) }),
      E('field-length', '/recordedBy/system'),
    ),
    t(
      'system-empty',
      'an empty system name',
      b({ 'recordedBy.system': '' }),
      E('field-length', '/recordedBy/system'),
    ),
    t(
      'notice-version-33',
      'a 33-character notice version',
      b({ 'notice.version': LONG(33, '1') }),
      E('field-length', '/notice/version'),
    ),
  ]),
];

const distinctCodes = (n: number): string[] =>
  Array.from(
    { length: n },
    (_, i) => `Q${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}X`,
  );
files.lengths.push(
  rule('choices-count', 'A statement has 1 to 64 choices', [
    t('zero', 'no choices', b({ choices: [] }), E('choices-count', '/choices')),
    t('one', 'one choice (near miss)', b({ choices: choices(['STAT', 'OBJT']) }), OK),
    t(
      'sixty-four',
      '64 distinct choices (near miss)',
      b({
        catalogueVersion: '99',
        choices: distinctCodes(64).map((purpose) => ({ purpose, value: 'NOBT' })),
      }),
      Q('catalogue-version-unknown'),
      'Catalogue 1 has 12 purposes, so 64 distinct codes need a version this receiver does not know.',
    ),
    t(
      'sixty-five',
      '65 distinct choices',
      b({
        catalogueVersion: '99',
        choices: distinctCodes(65).map((purpose) => ({ purpose, value: 'NOBT' })),
      }),
      exp(['choices-count'], ['catalogue-version-unknown'], [['choices-count', '/choices']]),
    ),
  ]),
);

files.identifiers = [
  rule('upn-check-letter', 'The UPN check letter matches characters 2 to 13', [
    t('valid', 'B801200005001 (near miss)', b(), OK),
    t(
      'wrong-letter',
      'A801200005001',
      b({ 'subject.upn': 'A801200005001' }),
      E('upn-check-letter', '/subject/upn'),
    ),
    t('other-valid', 'Q801200005002 (near miss)', b({ 'subject.upn': 'Q801200005002' }), OK),
    t(
      'transposed',
      'two digits transposed: B801200050001',
      b({ 'subject.upn': 'B801200050001' }),
      E('upn-check-letter', '/subject/upn'),
    ),
    t(
      'last-digit',
      'the last digit changed: B801200005002',
      b({ 'subject.upn': 'B801200005002' }),
      E('upn-check-letter', '/subject/upn'),
    ),
    t(
      'malformed-not-checked',
      'a malformed UPN gets field-pattern only',
      b({ 'subject.upn': 'A8012000050' }),
      E('field-pattern', '/subject/upn'),
    ),
    t(
      'temporary-wrong-letter',
      'a temporary UPN with a wrong check letter',
      b({ 'subject.upn': 'A80120000500A' }),
      exp(['upn-check-letter'], ['upn-temporary']),
    ),
  ]),
  rule('upn-temporary', 'A temporary UPN is accepted with a query', [
    t(
      'temporary-a',
      'M80120000500A: 13th character A counts 0',
      b({ 'subject.upn': 'M80120000500A' }),
      Q('upn-temporary', '/subject/upn'),
    ),
    t(
      'temporary-b',
      'B80120000500B: 13th character B counts 1',
      b({ 'subject.upn': 'B80120000500B' }),
      Q('upn-temporary', '/subject/upn'),
    ),
    t('permanent', 'a permanent UPN (near miss)', b(), OK),
    t(
      'temporary-letter-s',
      'S is not in the alphabet, so this is malformed',
      b({ 'subject.upn': 'M80120000500S' }),
      E('field-pattern', '/subject/upn'),
    ),
  ]),
  rule('uln-check-digit', 'The ULN check digit matches digits 1 to 9', [
    t('valid', '1234567899 (near miss)', b(), OK),
    t('wrong', '1234567890', b({ 'subject.uln': '1234567890' }), E('uln-check-digit', '/subject/uln')),
    t(
      'remainder-zero',
      '0000000000: remainder 0, never issued',
      b({ 'subject.uln': '0000000000' }),
      E('uln-check-digit', '/subject/uln'),
    ),
    t('check-zero', '1000000000: check digit 0 (near miss)', b({ 'subject.uln': '1000000000' }), OK),
    t(
      'check-zero-wrong',
      '1000000001',
      b({ 'subject.uln': '1000000001' }),
      E('uln-check-digit', '/subject/uln'),
    ),
    t(
      'only-uln-wrong',
      'a wrong ULN as the only identifier',
      b({ subject: { uln: '2000000009' } }),
      E('uln-check-digit', '/subject/uln'),
    ),
    t(
      'only-uln-right',
      '2000000001 as the only identifier (near miss)',
      b({ subject: { uln: '2000000001' } }),
      OK,
    ),
  ]),
];

files.catalogue = [
  rule('spec-version-unsupported', 'A v1 receiver takes spec versions 1.x.y', [
    t('two', '2.0.0', b({ specVersion: '2.0.0' }), E('spec-version-unsupported', '/specVersion')),
    t('zero', '0.9.0', b({ specVersion: '0.9.0' }), E('spec-version-unsupported', '/specVersion')),
    t(
      'ten',
      '10.0.0: the major version is a number, not a first character',
      b({ specVersion: '10.0.0' }),
      E('spec-version-unsupported', '/specVersion'),
    ),
    t('minor', '1.7.3 (near miss)', b({ specVersion: '1.7.3' }), OK),
  ]),
  rule('catalogue-version-unknown', 'A catalogue version the receiver does not know is queried', [
    t(
      'future-version',
      'version 2, with purposes all in version 1',
      b({ catalogueVersion: '2' }),
      Q('catalogue-version-unknown', '/catalogueVersion'),
    ),
    t(
      'new-purpose',
      'version 2 with a purpose this receiver has never seen: no more findings',
      b({ catalogueVersion: '2', 'choices.0.purpose': 'NEWP' }),
      Q('catalogue-version-unknown'),
    ),
    t('known', 'version 1 (near miss)', b(), OK),
    t(
      'malformed',
      'a malformed version is a pattern error, not a query',
      b({ catalogueVersion: 'v2' }),
      E('field-pattern', '/catalogueVersion'),
    ),
  ]),
  rule('purpose-unknown', 'Every purpose is in the named catalogue version', [
    t(
      'unknown',
      'NEWP in version 1',
      b({ 'choices.0.purpose': 'NEWP' }),
      E('purpose-unknown', '/choices/0/purpose'),
    ),
    t(
      'proto-like',
      'a code that is an Object.prototype member name cannot be one here; PROT is simply unknown',
      b({ 'choices.0.purpose': 'PROT' }),
      E('purpose-unknown', '/choices/0/purpose'),
    ),
    t(
      'unknown-version',
      'NEWP in an unknown version raises only the version query (near miss)',
      b({ catalogueVersion: '3', 'choices.0.purpose': 'NEWP' }),
      Q('catalogue-version-unknown'),
    ),
    t('known', 'all purposes known (near miss)', b(), OK),
  ]),
  rule('purpose-takes-no-choice', 'Core education (kind none) takes no choice', [
    t(
      'educ-noob',
      'EDUC NOOB',
      b({ choices: choices(['EDUC', 'NOOB']) }),
      E('purpose-takes-no-choice', '/choices/0/purpose'),
    ),
    t(
      'educ-objt',
      'EDUC OBJT, among others',
      b({ choices: choices(['STAT', 'OBJT'], ['EDUC', 'OBJT']) }),
      E('purpose-takes-no-choice', '/choices/1/purpose'),
    ),
    t(
      'educ-unknown-version',
      'EDUC in an unknown version is still checked against the latest catalogue',
      b({ catalogueVersion: '2', choices: choices(['EDUC', 'NOBT']) }),
      exp(['purpose-takes-no-choice'], ['catalogue-version-unknown']),
    ),
    t('no-educ', 'no EDUC choice (near miss)', b(), OK),
  ]),
  rule('value-not-allowed-for-kind', 'The value fits the kind of the purpose', [
    t(
      'consent-objt',
      'COMM (consent) with OBJT',
      b({ 'choices.4.value': 'OBJT' }),
      E('value-not-allowed-for-kind', '/choices/4/value'),
    ),
    t(
      'consent-noob',
      'AIDV (consent) with NOOB',
      b({ 'choices.5.value': 'NOOB' }),
      E('value-not-allowed-for-kind', '/choices/5/value'),
    ),
    t(
      'research-cons',
      'STAT (research-objection) with CONS',
      b({ 'choices.0.value': 'CONS' }),
      E('value-not-allowed-for-kind', '/choices/0/value'),
    ),
    t(
      'objection-decl',
      'LINK (objection) with DECL',
      b({ 'choices.3.value': 'DECL' }),
      E('value-not-allowed-for-kind', '/choices/3/value'),
    ),
    t(
      'optout-cons',
      'APPS (opt-out) with CONS',
      b({ 'choices.10.value': 'CONS' }),
      E('value-not-allowed-for-kind', '/choices/10/value'),
    ),
    t('consent-cons', 'MEDI with CONS (near miss)', b({ 'choices.6.value': 'CONS' }), OK),
    t(
      'refu-nobt-everywhere',
      'REFU and NOBT fit every kind (near miss)',
      b({ choices: choices(['STAT', 'REFU'], ['LINK', 'NOBT'], ['COMM', 'REFU'], ['APPS', 'NOBT']) }),
      OK,
    ),
    t(
      'unknown-version-checked',
      'a known purpose under an unknown version is still checked',
      b({ catalogueVersion: '2', 'choices.0.value': 'CONS' }),
      exp(['value-not-allowed-for-kind'], ['catalogue-version-unknown']),
    ),
  ]),
  rule('purpose-repeated', 'Each purpose appears once in a statement', [
    t(
      'twice',
      'STAT twice',
      b({ choices: choices(['STAT', 'NOOB'], ['LINK', 'OBJT'], ['STAT', 'OBJT']) }),
      E('purpose-repeated', '/choices/2/purpose'),
    ),
    t(
      'same-value',
      'STAT twice with the same value',
      b({ choices: choices(['STAT', 'NOOB'], ['STAT', 'NOOB']) }),
      E('purpose-repeated', '/choices/1/purpose'),
    ),
    t(
      'thrice',
      'LINK three times: the second and third are repeats',
      b({ choices: choices(['LINK', 'OBJT'], ['LINK', 'OBJT'], ['LINK', 'NOOB']) }),
      exp(
        ['purpose-repeated'],
        [],
        [
          ['purpose-repeated', '/choices/1/purpose'],
          ['purpose-repeated', '/choices/2/purpose'],
        ],
      ),
    ),
    t(
      'unknown-twice',
      'an unknown purpose twice under an unknown version',
      b({ catalogueVersion: '2', choices: choices(['NEWP', 'OBJT'], ['NEWP', 'OBJT']) }),
      exp(['purpose-repeated'], ['catalogue-version-unknown']),
    ),
    t(
      'case-differs',
      'stat and STAT: the lower-case one is malformed, not a repeat',
      b({ choices: choices(['STAT', 'NOOB'], ['stat', 'NOOB']) }),
      E('field-pattern', '/choices/1/purpose'),
    ),
    t('all-distinct', 'every purpose once (near miss)', b(), OK),
    t(
      'separate-calls',
      'the same purposes as the statement before, in a new statement (near miss)',
      b({ choices: choices(['STAT', 'NOOB']) }),
      OK,
      'A validator that remembers purposes across records would wrongly call this a repeat.',
    ),
  ]),
];

files.dates = [
  rule('date-of-birth-in-future', 'A date of birth is not after the validator clock date', [
    t(
      'tomorrow',
      'born the day after the clock date',
      b({ 'subject.dateOfBirth': '2026-11-02' }),
      exp(['date-of-birth-in-future', 'expressed-before-birth']),
    ),
    t(
      'today',
      'born on the clock date (near miss for this rule)',
      b({ 'subject.dateOfBirth': '2026-11-01' }),
      E('expressed-before-birth', '/expressedAt'),
    ),
    t(
      'far-future',
      'born in 2099',
      b({ 'subject.dateOfBirth': '2099-01-01' }),
      exp(
        ['date-of-birth-in-future', 'expressed-before-birth'],
        [],
        [['date-of-birth-in-future', '/subject/dateOfBirth']],
      ),
    ),
  ]),
  rule('date-of-birth-implausible', 'Age at expressedAt from 2 to 25, or a query', [
    t(
      'age-1',
      'aged 1 at expressedAt',
      b({ 'subject.dateOfBirth': '2025-01-01' }),
      Q('date-of-birth-implausible', '/subject/dateOfBirth'),
    ),
    t(
      'age-0-same-day',
      'expressed on the day of birth',
      b({ 'subject.dateOfBirth': '2026-09-03' }),
      Q('date-of-birth-implausible'),
    ),
    t('age-2', 'aged 2 exactly (near miss)', b({ 'subject.dateOfBirth': '2024-09-03' }), OK),
    t(
      'age-26',
      'aged 26',
      b({ 'subject.dateOfBirth': '2000-09-03', competenceBasis: 'AUTH' }),
      Q('date-of-birth-implausible'),
    ),
    t(
      'age-25',
      'aged 25, a day before turning 26 (near miss)',
      b({ 'subject.dateOfBirth': '2000-09-04', competenceBasis: 'AUTH' }),
      OK,
    ),
    t(
      'leap-born-25',
      'born 29 Feb 2000, on 28 Feb 2026: still 25 (near miss)',
      b({
        'subject.dateOfBirth': '2000-02-29',
        expressedAt: '2026-02-28T12:00:00Z',
        recordedAt: '2026-02-28T12:00:00Z',
        competenceBasis: 'AUTH',
      }),
      OK,
      'A 29 February birthday falls on 1 March in a non-leap year.',
    ),
    t(
      'leap-born-26',
      'born 29 Feb 2000, on 1 Mar 2026: 26',
      b({
        'subject.dateOfBirth': '2000-02-29',
        expressedAt: '2026-03-01T12:00:00Z',
        recordedAt: '2026-03-01T12:00:00Z',
        competenceBasis: 'AUTH',
      }),
      Q('date-of-birth-implausible'),
    ),
    t(
      'no-dob',
      'no date of birth, nothing to judge (near miss)',
      b({ 'subject.dateOfBirth': undefined }),
      OK,
    ),
  ]),
  rule('expressed-before-birth', 'expressedAt is not before the date of birth', [
    t(
      'before',
      'expressed the day before birth',
      b({ 'subject.dateOfBirth': '2026-09-04' }),
      E('expressed-before-birth', '/expressedAt'),
    ),
    t(
      'local-date',
      'expressed at 00:30+01:00 on the birth date: the local date counts (near miss)',
      b({ 'subject.dateOfBirth': '2026-09-03', expressedAt: '2026-09-03T00:30:00+01:00' }),
      Q('date-of-birth-implausible'),
      'In UTC this is 2 September, the day before birth; the date as written is the birth date.',
    ),
    t(
      'on-birthday',
      'expressed on the date of birth (near miss)',
      b({ 'subject.dateOfBirth': '2026-09-03' }),
      Q('date-of-birth-implausible'),
    ),
  ]),
  rule('expressed-at-in-future', 'expressedAt is at most 5 minutes after the validator clock', [
    t(
      'exactly-5-min',
      'exactly 5 minutes ahead (near miss)',
      b({ expressedAt: '2026-11-01T00:05:00Z', recordedAt: '2026-11-01T00:05:00Z' }),
      OK,
    ),
    t(
      '5-min-1-ms',
      '5 minutes and 1 ms ahead; recordedAt too',
      b({ expressedAt: '2026-11-01T00:05:00.001Z', recordedAt: '2026-11-01T00:05:00.001Z' }),
      exp(
        ['expressed-at-in-future', 'recorded-at-in-future'],
        [],
        [['expressed-at-in-future', '/expressedAt']],
      ),
    ),
    t(
      'ahead-recorded-before',
      'an hour ahead, recorded now',
      b({ expressedAt: '2026-11-01T01:00:00Z', recordedAt: '2026-11-01T00:00:00Z' }),
      exp(['expressed-at-in-future', 'recorded-before-expressed']),
    ),
    t(
      'offset-not-future',
      '01:04+01:00 is 00:04Z (near miss)',
      b({ expressedAt: '2026-11-01T01:04:00+01:00', recordedAt: '2026-11-01T01:04:00+01:00' }),
      OK,
    ),
    t(
      'offset-future',
      '2026-10-31T23:06-01:00 is 00:06Z the next day',
      b({ expressedAt: '2026-10-31T23:06:00-01:00', recordedAt: '2026-10-31T23:06:00-01:00' }),
      exp(['expressed-at-in-future', 'recorded-at-in-future']),
    ),
  ]),
  rule('recorded-at-in-future', 'recordedAt is at most 5 minutes after the validator clock', [
    t(
      'future',
      'recorded 6 minutes ahead',
      b({ recordedAt: '2026-11-01T00:06:00Z' }),
      E('recorded-at-in-future', '/recordedAt'),
    ),
    t('now', 'recorded at the clock time (near miss)', b({ recordedAt: '2026-11-01T00:00:00Z' }), OK),
    t(
      'next-year',
      'recorded next year',
      b({ recordedAt: '2027-01-01T00:00:00Z' }),
      E('recorded-at-in-future'),
    ),
  ]),
  rule('recorded-before-expressed', 'recordedAt is not before expressedAt', [
    t(
      'one-second',
      'recorded a second before it was expressed',
      b({ recordedAt: '2026-09-03T08:14:59Z' }),
      E('recorded-before-expressed', '/recordedAt'),
    ),
    t('equal', 'recorded at the same instant (near miss)', b({ recordedAt: '2026-09-03T08:15:00Z' }), OK),
    t(
      'equal-other-offset',
      'the same instant written with another offset (near miss)',
      b({ recordedAt: '2026-09-03T09:15:00+01:00' }),
      OK,
    ),
    t(
      'offset-earlier',
      '09:14+01:00 is before 08:15Z, though it sorts after as text',
      b({ recordedAt: '2026-09-03T09:14:00+01:00' }),
      E('recorded-before-expressed'),
      'Times are compared as instants, never as strings.',
    ),
    t(
      'sub-millisecond',
      'recorded 0.8 ms earlier',
      b({ expressedAt: '2026-09-03T08:15:00.0009Z', recordedAt: '2026-09-03T08:15:00.0001Z' }),
      E('recorded-before-expressed'),
    ),
    t(
      'fraction-digits',
      '08:15:00.5Z and 08:15:00.50Z are the same instant (near miss)',
      b({ expressedAt: '2026-09-03T08:15:00.5Z', recordedAt: '2026-09-03T08:15:00.50Z' }),
      OK,
    ),
  ]),
  rule(
    'expressed-after-census-date',
    'With a census date, expressedAt is on or before it',
    [
      t(
        'day-after',
        'expressed the day after census day',
        b({ expressedAt: '2026-10-02T00:00:00Z', recordedAt: '2026-10-02T00:00:00Z' }),
        E('expressed-after-census-date', '/expressedAt'),
      ),
      t(
        'census-day',
        'expressed late on census day (near miss)',
        b({ expressedAt: '2026-10-01T23:59:59Z', recordedAt: '2026-10-02T08:00:00Z' }),
        OK,
      ),
      t(
        'local-date-after',
        '00:30+01:00 on 2 October is after census day: the local date counts',
        b({ expressedAt: '2026-10-02T00:30:00+01:00', recordedAt: '2026-10-02T00:30:00+01:00' }),
        E('expressed-after-census-date'),
      ),
      t(
        'local-date-on',
        '23:30-01:00 on 1 October is census day, though 2 October in UTC (near miss)',
        b({ expressedAt: '2026-10-01T23:30:00-01:00', recordedAt: '2026-10-02T08:00:00Z' }),
        OK,
      ),
    ],
    { options: { censusDate: '2026-10-01' } },
  ),
];
files.dates.push(
  rule(
    'expressed-after-census-date-off',
    'Without a census date, no census rule runs',
    [
      t(
        'no-census',
        'expressed after 1 October, no census date given (near miss)',
        b({ expressedAt: '2026-10-02T00:00:00Z', recordedAt: '2026-10-02T00:00:00Z' }),
        OK,
      ),
    ],
    { section: 'validation.md expressed-after-census-date' },
  ),
);

const pup = (changes: Record<string, Json | undefined> = {}) =>
  b({
    'expressedBy.role': 'PUP',
    'expressedBy.personRef': 'P-00412',
    competenceBasis: undefined,
    ...changes,
  });
files.competence = [
  rule('pupil-under-competence-age', 'A pupil under the competence age, without ASSD, is queried', [
    t('age-11', 'a pupil aged 11, no basis', pup(), Q('pupil-under-competence-age', '/expressedBy/role')),
    t(
      'age-11-na',
      'a pupil aged 11, basis NA',
      pup({ competenceBasis: 'NA' }),
      Q('pupil-under-competence-age'),
    ),
    t(
      'age-11-assessed',
      'a pupil aged 11, assessed competent (near miss)',
      pup({ competenceBasis: 'ASSD' }),
      OK,
    ),
    t(
      'birthday',
      'a pupil on their 12th birthday (near miss)',
      pup({ 'subject.dateOfBirth': '2014-09-03' }),
      OK,
    ),
    t(
      'day-before-birthday',
      'a pupil the day before their 12th birthday',
      pup({ 'subject.dateOfBirth': '2014-09-04' }),
      Q('pupil-under-competence-age'),
    ),
    t(
      'local-date-birthday',
      '00:30+01:00 on the 12th birthday: 12 by the local date (near miss)',
      pup({ 'subject.dateOfBirth': '2014-09-03', expressedAt: '2026-09-03T00:30:00+01:00' }),
      OK,
      'Ages use the date as written: in UTC it is still the day before the birthday.',
    ),
    t(
      'leap-birthday-leap-year',
      'born 29 Feb 2012, on 28 Feb 2024: 11',
      pup({
        'subject.dateOfBirth': '2012-02-29',
        expressedAt: '2024-02-28T10:00:00Z',
        recordedAt: '2024-02-28T10:00:00Z',
      }),
      Q('pupil-under-competence-age'),
    ),
    t(
      'leap-birthday-on-day',
      'born 29 Feb 2012, on 29 Feb 2024: 12 (near miss)',
      pup({
        'subject.dateOfBirth': '2012-02-29',
        expressedAt: '2024-02-29T10:00:00Z',
        recordedAt: '2024-02-29T10:00:00Z',
      }),
      OK,
    ),
  ]),
  rule(
    'pupil-under-competence-age-13',
    'The competence age is a parameter',
    [
      t(
        'age-12',
        'a pupil aged 12 with competence age 13',
        pup({ 'subject.dateOfBirth': '2014-09-03' }),
        Q('pupil-under-competence-age'),
      ),
      t(
        'age-13',
        'a pupil aged 13 with competence age 13 (near miss)',
        pup({ 'subject.dateOfBirth': '2013-09-03' }),
        OK,
      ),
      t(
        'leap-non-leap-28',
        'born 29 Feb 2012, on 28 Feb 2025 (not a leap year): still 12',
        pup({
          'subject.dateOfBirth': '2012-02-29',
          expressedAt: '2025-02-28T10:00:00Z',
          recordedAt: '2025-02-28T10:00:00Z',
        }),
        Q('pupil-under-competence-age'),
      ),
      t(
        'leap-non-leap-1-mar',
        'born 29 Feb 2012, on 1 Mar 2025: 13 (near miss)',
        pup({
          'subject.dateOfBirth': '2012-02-29',
          expressedAt: '2025-03-01T10:00:00Z',
          recordedAt: '2025-03-01T10:00:00Z',
        }),
        OK,
        'A 29 February birthday falls on 1 March in a non-leap year.',
      ),
      t(
        'parent-age-12',
        'a parent for a 12-year-old with competence age 13 (near miss for parent-for-competent-pupil)',
        b({ 'subject.dateOfBirth': '2014-09-03' }),
        OK,
      ),
    ],
    { options: { competenceAge: 13 }, section: 'validation.md pupil-under-competence-age' },
  ),
  rule('presumption-under-age', 'PR12 only for a pupil at or over the competence age', [
    t(
      'pr12-age-11',
      'PR12 for a pupil aged 11',
      pup({ competenceBasis: 'PR12' }),
      E('presumption-under-age', '/competenceBasis'),
    ),
    t(
      'pr12-age-12',
      'PR12 for a pupil aged 12 (near miss)',
      pup({ competenceBasis: 'PR12', 'subject.dateOfBirth': '2014-09-03' }),
      OK,
    ),
    t(
      'pr12-no-dob',
      'PR12 without a date of birth: not judged (near miss)',
      pup({ competenceBasis: 'PR12', 'subject.dateOfBirth': undefined }),
      OK,
    ),
  ]),
  rule('pupil-age-unknown', 'A pupil statement needs a date of birth or ASSD/PR12', [
    t(
      'no-dob',
      'a pupil, no date of birth, no basis',
      pup({ 'subject.dateOfBirth': undefined }),
      Q('pupil-age-unknown', '/subject/dateOfBirth'),
    ),
    t(
      'no-dob-na',
      'a pupil, no date of birth, basis NA',
      pup({ 'subject.dateOfBirth': undefined, competenceBasis: 'NA' }),
      Q('pupil-age-unknown'),
    ),
    t(
      'no-dob-assessed',
      'a pupil, no date of birth, ASSD (near miss)',
      pup({ 'subject.dateOfBirth': undefined, competenceBasis: 'ASSD' }),
      OK,
    ),
    t(
      'bad-dob',
      'a malformed date of birth is a format error, not an unknown age',
      pup({ 'subject.dateOfBirth': '2014-02-30' }),
      E('field-format', '/subject/dateOfBirth'),
    ),
    t('parent-no-dob', 'a parent, no date of birth (near miss)', b({ 'subject.dateOfBirth': undefined }), OK),
  ]),
  rule('parent-for-competent-pupil', 'Someone else speaking for a competent pupil gives a basis', [
    t(
      'par-12-na',
      'a parent for a 12-year-old, basis NA',
      b({ 'subject.dateOfBirth': '2014-09-03' }),
      Q('parent-for-competent-pupil', '/competenceBasis'),
    ),
    t(
      'par-12-none',
      'a parent for a 12-year-old, no basis',
      b({ 'subject.dateOfBirth': '2014-09-03', competenceBasis: undefined }),
      Q('parent-for-competent-pupil'),
    ),
    t(
      'par-12-auth',
      'a parent authorised by a 12-year-old (near miss)',
      b({ 'subject.dateOfBirth': '2014-09-03', competenceBasis: 'AUTH' }),
      OK,
    ),
    t(
      'par-15-bint',
      'a parent acting in best interests of a 15-year-old (near miss)',
      b({ 'subject.dateOfBirth': '2011-01-01', competenceBasis: 'BINT' }),
      OK,
    ),
    t('par-11', 'a parent for an 11-year-old (near miss)', b(), OK),
    t(
      'car-16',
      'a carer for a 16-year-old',
      b({ 'expressedBy.role': 'CAR', 'subject.dateOfBirth': '2010-01-01' }),
      Q('parent-for-competent-pupil'),
    ),
    t(
      'sch-13',
      'the school for a 13-year-old',
      b({ 'expressedBy.role': 'SCH', 'subject.dateOfBirth': '2013-01-01', competenceBasis: undefined }),
      Q('parent-for-competent-pupil'),
    ),
    t('par-no-dob', 'a parent, age unknown (near miss)', b({ 'subject.dateOfBirth': undefined }), OK),
  ]),
  rule('competence-basis-wrong-role', 'The basis fits who spoke', [
    t(
      'par-assd',
      'a parent statement with ASSD',
      b({ competenceBasis: 'ASSD' }),
      E('competence-basis-wrong-role', '/competenceBasis'),
    ),
    t(
      'rep-pr12',
      'a representative with PR12, for a 12-year-old',
      b({ 'expressedBy.role': 'REP', competenceBasis: 'PR12', 'subject.dateOfBirth': '2014-09-03' }),
      E('competence-basis-wrong-role'),
    ),
    t(
      'pup-auth',
      'a pupil of 13 with AUTH',
      pup({ competenceBasis: 'AUTH', 'subject.dateOfBirth': '2013-01-01' }),
      E('competence-basis-wrong-role', '/competenceBasis'),
    ),
    t(
      'pup-bint-young',
      'a pupil of 11 with BINT: wrong role, and still under age',
      pup({ competenceBasis: 'BINT' }),
      exp(['competence-basis-wrong-role'], ['pupil-under-competence-age']),
    ),
    t('pup-assd', 'a pupil with ASSD (near miss)', pup({ competenceBasis: 'ASSD' }), OK),
    t(
      'corp-bint',
      'a corporate parent with BINT (near miss)',
      b({ 'expressedBy.role': 'CORP', competenceBasis: 'BINT' }),
      OK,
    ),
  ]),
];

files.transfer = [
  rule('ctf-provenance-missing', 'A CTF import carries its provenance', [
    t(
      'missing',
      'channel CTFI without provenance',
      with_(ctf(), { provenance: undefined }),
      E('ctf-provenance-missing', '/provenance'),
    ),
    t('present', 'channel CTFI with provenance (near miss)', ctf(), OK),
  ]),
  rule('provenance-without-ctf', 'Provenance only with channel CTFI', [
    t(
      'paper',
      'channel PAPR with provenance',
      with_(ctf(), { channel: 'PAPR' }),
      E('provenance-without-ctf', '/provenance'),
    ),
    t('paper-no-provenance', 'channel PAPR without provenance (near miss)', b(), OK),
    t(
      'incomplete',
      'incomplete provenance: the missing field is reported',
      with_(ctf(), { 'provenance.transferredAt': undefined }),
      E('field-required', '/provenance/transferredAt'),
    ),
    t(
      'provenance-extra',
      'an extra field in provenance',
      with_(ctf(), { 'provenance.note': 'x' }),
      E('unknown-field', '/provenance/note'),
    ),
  ]),
  rule('transferred-before-expressed', 'A statement is transferred after it was expressed', [
    t(
      'before',
      'transferred the day before it was expressed',
      with_(ctf(), { 'provenance.transferredAt': '2026-09-02T12:00:00Z' }),
      E('transferred-before-expressed', '/provenance/transferredAt'),
    ),
    t(
      'same-instant',
      'transferred at the instant it was expressed, in another offset (near miss)',
      with_(ctf(), {
        'provenance.transferredAt': '2026-09-03T09:15:00+01:00',
        'provenance.originalRecordedAt': '2026-09-03T08:15:00Z',
      }),
      OK,
    ),
  ]),
  rule('original-recorded-before-expressed', 'The first school recorded it after it was expressed', [
    t(
      'before',
      'first recorded before it was expressed',
      with_(ctf(), { 'provenance.originalRecordedAt': '2026-09-03T08:00:00Z' }),
      E('original-recorded-before-expressed', '/provenance/originalRecordedAt'),
    ),
    t('after', 'first recorded a day later (near miss)', ctf(), OK),
  ]),
  rule('recorded-before-transferred', 'The receiving school records an import after the transfer', [
    t(
      'before',
      'recorded before the transfer',
      with_(ctf(), { recordedAt: '2026-09-30T09:00:00Z' }),
      E('recorded-before-transferred', '/recordedAt'),
    ),
    t(
      'same',
      'recorded at the transfer instant (near miss)',
      with_(ctf(), { recordedAt: '2026-10-01T12:00:00Z' }),
      OK,
    ),
  ]),
];

const s1 = base();
const s2 = b({
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  expressedAt: '2026-10-01T09:00:00Z',
  recordedAt: '2026-10-01T09:00:00Z',
  choices: choices(['STAT', 'OBJT']),
});
files.history = [
  rule(
    'history-statement-id-conflict',
    'History: one statement id, one content',
    [
      t('distinct-ids', 'two statements with different ids (near miss)', [s1, s2], OK),
      t('exact-duplicate', 'the same statement delivered twice (near miss)', [s1, base()], OK),
      t(
        'reimported',
        'the same statement re-imported by CTF: channel, recordedAt and provenance differ (near miss)',
        [s1, with_(ctf(), {})],
        OK,
      ),
      t(
        'transferred',
        'a copy held by the school the pupil moved to: setting, channel, recordedAt, recordedBy, notice, provenance and grounds differ (near miss)',
        [
          s1,
          with_(ctf(), {
            setting: { urn: '100123', laEstab: '8024001' },
            notice: { id: 'NOTICE-B', version: '2027.1', language: 'cy' },
            'choices.2.grounds': 'Wording as the new school keyed it.',
          }),
        ],
        OK,
        'The same statement at two schools is what a transfer makes: a receiver keeps both copies and the resolver counts one (validation.md 7).',
      ),
      t(
        'transferred-answer-differs',
        'a transferred copy with one answer changed',
        [s1, with_(ctf(), { setting: { urn: '100123', laEstab: '8024001' }, 'choices.0.value': 'OBJT' })],
        E('statement-id-conflict', '/1/id'),
      ),
      t(
        'transferred-date-of-birth-differs',
        'a transferred copy with another date of birth',
        [s1, with_(ctf(), { 'subject.dateOfBirth': '2015-03-15' })],
        E('statement-id-conflict', '/1/id'),
      ),
      t(
        'other-offset',
        'the same expressedAt instant written with another offset (near miss)',
        [s1, b({ expressedAt: '2026-09-03T09:15:00+01:00' })],
        OK,
      ),
      t(
        'reordered-choices',
        'the same choices in another order (near miss)',
        [s1, b({ choices: [...(base().choices as Json[])].reverse() })],
        OK,
      ),
      t(
        'other-grounds',
        'only the grounds text differs (near miss)',
        [s1, b({ 'choices.2.grounds': 'Changed wording.' })],
        OK,
      ),
      t(
        'value-differs',
        'same id, one value differs',
        [s1, b({ 'choices.0.value': 'OBJT' })],
        E('statement-id-conflict', '/1/id'),
      ),
      t(
        'case-insensitive',
        'same id in upper case, different content',
        [s1, b({ id: UUID.toUpperCase(), 'choices.0.value': 'OBJT' })],
        E('statement-id-conflict', '/1/id'),
        'UUIDs compare case-insensitively (RFC 9562), so this is the same id.',
      ),
      t(
        'person-differs',
        'same id, another person',
        [s1, b({ 'expressedBy.personRef': 'C-9999' })],
        E('statement-id-conflict', '/1/id'),
      ),
      t(
        'time-differs',
        'same id, another expressedAt',
        [s1, b({ expressedAt: '2026-09-03T08:16:00Z' })],
        E('statement-id-conflict', '/1/id'),
      ),
      t(
        'third',
        'the third statement conflicts with the first',
        [s1, s2, b({ competenceBasis: 'BINT' })],
        E('statement-id-conflict', '/2/id'),
      ),
      t(
        'id-whitespace',
        'an id with a trailing space is another string, not the same id (near miss)',
        [s1, b({ id: `${UUID} `, 'choices.0.value': 'OBJT' })],
        OK,
        'History rules compare ids as given; the record rule field-format rejects the padded id on its own.',
      ),
      t('empty', 'an empty history (near miss)', [], OK),
    ],
    {
      comment:
        'data is an array of statements, checked with history validation (cases whose id begins "history-").',
    },
  ),
];

const outDir = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../conformance/vectors/v1/validation/must',
);
mkdirSync(outDir, { recursive: true });
for (const f of readdirSync(outDir)) if (f.endsWith('.json')) rmSync(join(outDir, f));
let total = 0;
for (const [name, cases] of Object.entries(files)) {
  writeFileSync(join(outDir, `${name}.json`), `${JSON.stringify(cases, null, 2)}\n`);
  const n = cases.reduce((sum, c) => sum + c.tests.length, 0);
  total += n;
  console.log(`wrote ${name}.json: ${cases.length} cases, ${n} tests`);
}
console.log(`${total} tests`);
