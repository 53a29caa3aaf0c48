import { b, type Case, choices, E, exp, LONG, OK, Q, rule, t } from '../vector-kit.js';

const distinctCodes = (n: number): string[] =>
  Array.from(
    { length: n },
    (_, i) => `Q${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}X`,
  );

export const lengths: Case[] = [
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
];
