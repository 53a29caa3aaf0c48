import { b, type Case, E, exp, type Json, OK, Q, rule, t } from '../vector-kit.js';

const pup = (changes: Record<string, Json | undefined> = {}) =>
  b({
    'expressedBy.role': 'PUP',
    'expressedBy.personRef': 'P-00412',
    competenceBasis: undefined,
    ...changes,
  });

export const competence: Case[] = [
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
    t(
      'role-unknown-12',
      'a 12-year-old, basis NA, and a role that is not a code: the role is unknown-code, competence is not judged (near miss)',
      b({ 'subject.dateOfBirth': '2014-09-03', 'expressedBy.role': 'XXX' }),
      E('unknown-code', '/expressedBy/role'),
    ),
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
    t(
      'role-unknown-pr12',
      'PR12 with a role that is not a code: the role is unknown-code, the basis is not judged against it (near miss)',
      b({ 'expressedBy.role': 'XXX', competenceBasis: 'PR12', 'subject.dateOfBirth': '2014-09-03' }),
      E('unknown-code', '/expressedBy/role'),
    ),
    t(
      'role-missing-assd',
      'ASSD with no role: the role is field-required, the basis is not judged against it (near miss)',
      b({ 'expressedBy.role': undefined, competenceBasis: 'ASSD' }),
      E('field-required', '/expressedBy/role'),
    ),
  ]),
];
