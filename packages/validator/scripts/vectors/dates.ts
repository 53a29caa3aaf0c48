import { b, type Case, E, exp, OK, Q, rule, t } from '../vector-kit.js';

export const dates: Case[] = [
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
      t(
        'expressed-malformed',
        'expressedAt without seconds: field-format only, no census rule on it (near miss)',
        b({ expressedAt: '2026-10-02T09:00Z', recordedAt: '2026-10-02T09:00:00Z' }),
        E('field-format', '/expressedAt'),
      ),
      t(
        'expressed-missing',
        'no expressedAt: field-required only (near miss)',
        b({ expressedAt: undefined }),
        E('field-required', '/expressedAt'),
      ),
    ],
    { options: { censusDate: '2026-10-01' } },
  ),
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
];
