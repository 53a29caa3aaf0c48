import { b, type Case, choices, E, exp, type Json, OK, Q, rule, t } from '../vector-kit.js';

/** Why a record with fewer choices than the one before it is a vector (validation.md 2). */
const LEFT_BEHIND =
  "A validator that reads past the end of this statement's choices finds what the statement before left there.";

export const catalogue: Case[] = [
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
    t(
      'leading-zero',
      '01.2.0: the major version read as a number is 1 (near miss)',
      b({ specVersion: '01.2.0' }),
      OK,
      'The schema pattern allows leading zeros; validation.md 3 reads the major version as a decimal number.',
    ),
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
    t(
      'no-choices',
      'version 2 on a statement without choices: nothing for the version to give a meaning to (near miss)',
      b({ catalogueVersion: '2', choices: undefined }),
      E('field-required', '/choices'),
    ),
    t(
      'choices-not-a-list',
      'version 2 on a statement whose choices are not a list (near miss)',
      b({ catalogueVersion: '2', choices: { purpose: 'STAT', value: 'NOOB' } }),
      E('field-type', '/choices'),
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
    t(
      'unknown-second',
      'NEWP as the second of two choices',
      b({ choices: choices(['STAT', 'NOOB'], ['NEWP', 'OBJT']) }),
      E('purpose-unknown', '/choices/1/purpose'),
    ),
    t(
      'fewer-choices-next',
      'the next statement has only the first of those choices (near miss)',
      b({ choices: choices(['STAT', 'NOOB']) }),
      OK,
      LEFT_BEHIND,
    ),
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
      'fewer-choices-next',
      'the next statement has only the first of those choices (near miss)',
      b({ choices: choices(['STAT', 'OBJT']) }),
      OK,
      LEFT_BEHIND,
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
      'consent-objt-second',
      'MEDI (consent) with OBJT as the second of two choices',
      b({ choices: choices(['STAT', 'NOOB'], ['MEDI', 'OBJT']) }),
      E('value-not-allowed-for-kind', '/choices/1/value'),
    ),
    t(
      'fewer-choices-next',
      'the next statement has only the first of those choices (near miss)',
      b({ choices: choices(['STAT', 'NOOB']) }),
      OK,
      LEFT_BEHIND,
    ),
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
      'unknown-twice-after-null',
      'a null choice, then an unknown purpose twice under an unknown version: the repeat is still found',
      b({
        catalogueVersion: '2',
        choices: [null, ...(choices(['NEWP', 'OBJT'], ['NEWP', 'OBJT']) as Json[])],
      }),
      exp(
        ['field-type', 'purpose-repeated'],
        ['catalogue-version-unknown'],
        [
          ['field-type', '/choices/0'],
          ['purpose-repeated', '/choices/2/purpose'],
        ],
      ),
    ),
    t(
      'two-distinct',
      'STAT and LINK (near miss)',
      b({ choices: choices(['STAT', 'NOOB'], ['LINK', 'OBJT']) }),
      OK,
    ),
    t(
      'second-alone-next',
      'the next statement has only LINK (near miss)',
      b({ choices: choices(['LINK', 'OBJT']) }),
      OK,
      LEFT_BEHIND,
    ),
    t(
      'separate-calls',
      'the same purposes as the statement before, in a new statement (near miss)',
      b({ choices: choices(['STAT', 'NOOB']) }),
      OK,
      'A validator that remembers purposes across records would wrongly call this a repeat.',
    ),
  ]),
];
