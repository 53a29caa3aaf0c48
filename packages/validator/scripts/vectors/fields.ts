import { b, base, type Case, choices, ctf, E, exp, type Json, OK, Q, rule, t, with_ } from '../vector-kit.js';

/**
 * Minimal pairs (issue 11, the field × rule table in conformance/README.md): within each case, tests
 * differ from another test of the suite in **one** field, and the rule fires on one side only. A
 * validator that reads the wrong field for a rule (the role for competence, recordedAt for the census
 * date, the channel for provenance, ...) fails one side of a pair.
 */

type Changes = Record<string, Json | undefined>;
const REC = '2026-10-20T00:00:00Z';
/** Born 2014-10-15: 11 on 2026-10-14, 12 on 2026-10-16. */
const turning = (changes: Changes) =>
  b({ 'subject.dateOfBirth': '2014-10-15', recordedAt: REC, competenceBasis: undefined, ...changes });
const DAY_BEFORE = '2026-10-14T08:00:00Z';
const DAY_AFTER = '2026-10-16T08:00:00Z';

export const fields: Case[] = [
  rule(
    'field-pairs-value-kind',
    'The same value fits one purpose kind and not another',
    [
      t('objection-kind', 'LINK OBJT (near miss)', b({ choices: choices(['LINK', 'OBJT']) }), OK),
      t(
        'consent-kind',
        'COMM OBJT: only the purpose differs',
        b({ choices: choices(['COMM', 'OBJT']) }),
        E('value-not-allowed-for-kind', '/choices/0/value'),
      ),
    ],
    { section: 'validation.md value-not-allowed-for-kind' },
  ),
  rule(
    'field-pairs-birth-and-expressed',
    'Born 2026-09-10: only expressedAt moves across the birth date',
    [
      t(
        'expressed-before-birth',
        'expressed 2026-09-05',
        b({ 'subject.dateOfBirth': '2026-09-10', expressedAt: '2026-09-05T08:00:00Z', recordedAt: REC }),
        E('expressed-before-birth', '/expressedAt'),
      ),
      t(
        'expressed-after-birth',
        'expressed 2026-09-12: aged 0, a query only',
        b({ 'subject.dateOfBirth': '2026-09-10', expressedAt: '2026-09-12T08:00:00Z', recordedAt: REC }),
        Q('date-of-birth-implausible'),
      ),
    ],
    { section: 'validation.md expressed-before-birth' },
  ),
  rule(
    'field-pairs-implausible-age',
    'Born 2024-10-01: only expressedAt moves across the second birthday',
    [
      t(
        'aged-1',
        'expressed 2026-09-03, aged 1',
        b({ 'subject.dateOfBirth': '2024-10-01', recordedAt: REC }),
        Q('date-of-birth-implausible', '/subject/dateOfBirth'),
      ),
      t(
        'aged-2',
        'expressed 2026-10-02, aged 2 (near miss)',
        b({ 'subject.dateOfBirth': '2024-10-01', expressedAt: '2026-10-02T08:00:00Z', recordedAt: REC }),
        OK,
      ),
    ],
    { section: 'validation.md date-of-birth-implausible' },
  ),
  rule(
    'field-pairs-census-date',
    'Census day 2026-10-01: only expressedAt moves across it (recordedAt after it on both sides)',
    [
      t(
        'expressed-before',
        'expressed 2026-09-30 (near miss)',
        b({ expressedAt: '2026-09-30T08:00:00Z', recordedAt: REC }),
        OK,
      ),
      t(
        'expressed-after',
        'expressed 2026-10-02',
        b({ expressedAt: '2026-10-02T08:00:00Z', recordedAt: REC }),
        E('expressed-after-census-date', '/expressedAt'),
      ),
    ],
    { section: 'validation.md expressed-after-census-date', options: { censusDate: '2026-10-01' } },
  ),
  rule(
    'field-pairs-role-aged-11',
    'A pupil aged 11, no competenceBasis: only the role differs',
    [
      t(
        'pupil',
        'role PUP',
        b({ 'expressedBy.role': 'PUP', competenceBasis: undefined }),
        Q('pupil-under-competence-age', '/expressedBy/role'),
      ),
      t('parent', 'role PAR (near miss)', b({ competenceBasis: undefined }), OK),
    ],
    { section: 'validation.md pupil-under-competence-age' },
  ),
  rule(
    'field-pairs-role-no-birth-date',
    'No date of birth, no competenceBasis: only the role differs',
    [
      t(
        'pupil',
        'role PUP',
        b({ 'expressedBy.role': 'PUP', competenceBasis: undefined, 'subject.dateOfBirth': undefined }),
        Q('pupil-age-unknown'),
      ),
      t(
        'parent',
        'role PAR (near miss)',
        b({ competenceBasis: undefined, 'subject.dateOfBirth': undefined }),
        OK,
      ),
    ],
    { section: 'validation.md pupil-age-unknown' },
  ),
  rule(
    'field-pairs-role-aged-16',
    'A pupil aged 16, no competenceBasis: only the role differs',
    [
      t(
        'parent',
        'role PAR',
        b({ competenceBasis: undefined, 'subject.dateOfBirth': '2010-01-01' }),
        Q('parent-for-competent-pupil', '/competenceBasis'),
      ),
      t(
        'pupil',
        'role PUP (near miss)',
        b({ 'expressedBy.role': 'PUP', competenceBasis: undefined, 'subject.dateOfBirth': '2010-01-01' }),
        OK,
      ),
    ],
    { section: 'validation.md parent-for-competent-pupil' },
  ),
  rule(
    'field-pairs-presumption-role',
    'PR12 for a pupil aged 11: only the role differs',
    [
      t(
        'pupil',
        'role PUP',
        b({ 'expressedBy.role': 'PUP', competenceBasis: 'PR12' }),
        E('presumption-under-age', '/competenceBasis'),
      ),
      t(
        'parent',
        'role PAR: the basis does not fit the role instead',
        b({ competenceBasis: 'PR12' }),
        E('competence-basis-wrong-role', '/competenceBasis'),
      ),
    ],
    { section: 'validation.md presumption-under-age' },
  ),
  rule(
    'field-pairs-twelfth-birthday',
    'Born 2014-10-15: only expressedAt moves across the twelfth birthday',
    [
      t(
        'pupil-day-before',
        'PUP, no basis, the day before',
        turning({ 'expressedBy.role': 'PUP', expressedAt: DAY_BEFORE }),
        Q('pupil-under-competence-age', '/expressedBy/role'),
      ),
      t(
        'pupil-day-after',
        'PUP, no basis, the day after (near miss)',
        turning({ 'expressedBy.role': 'PUP', expressedAt: DAY_AFTER }),
        OK,
      ),
      t(
        'presumed-day-before',
        'PUP, PR12, the day before',
        turning({ 'expressedBy.role': 'PUP', competenceBasis: 'PR12', expressedAt: DAY_BEFORE }),
        E('presumption-under-age', '/competenceBasis'),
      ),
      t(
        'presumed-day-after',
        'PUP, PR12, the day after (near miss)',
        turning({ 'expressedBy.role': 'PUP', competenceBasis: 'PR12', expressedAt: DAY_AFTER }),
        OK,
      ),
      t(
        'parent-day-before',
        'PAR, no basis, the day before (near miss)',
        turning({ expressedAt: DAY_BEFORE }),
        OK,
      ),
      t(
        'parent-day-after',
        'PAR, no basis, the day after',
        turning({ expressedAt: DAY_AFTER }),
        Q('parent-for-competent-pupil', '/competenceBasis'),
      ),
    ],
    { section: 'validation.md pupil-under-competence-age' },
  ),
  rule(
    'field-pairs-channel',
    'No provenance: only the channel differs',
    [
      t(
        'imported',
        'channel CTFI',
        with_(ctf(), { provenance: undefined }),
        E('ctf-provenance-missing', '/provenance'),
      ),
      t('paper', 'channel PAPR (near miss)', with_(ctf(), { provenance: undefined, channel: 'PAPR' }), OK),
    ],
    { section: 'validation.md ctf-provenance-missing' },
  ),
  rule(
    'field-pairs-provenance',
    'Channel PAPR: only the presence of provenance differs',
    [
      t(
        'with-provenance',
        'provenance given',
        with_(ctf(), { channel: 'PAPR' }),
        E('provenance-without-ctf', '/provenance'),
      ),
      t(
        'without-provenance',
        'no provenance (near miss)',
        with_(ctf(), { channel: 'PAPR', provenance: undefined }),
        OK,
      ),
    ],
    { section: 'validation.md provenance-without-ctf' },
  ),
  rule(
    'field-pairs-transfer-times',
    'A CTF import (first recorded 2026-09-04, transferred 2026-10-01 12:00, recorded 2026-10-02): one time moves',
    [
      t('as-given', 'expressed 2026-09-03 (near miss)', ctf(), OK),
      t(
        'expressed-after-first-recording',
        'expressed 2026-09-05',
        with_(ctf(), { expressedAt: '2026-09-05T00:00:00Z' }),
        E('original-recorded-before-expressed', '/provenance/originalRecordedAt'),
      ),
      t(
        'expressed-after-transfer',
        'expressed 2026-10-01 13:00',
        with_(ctf(), { expressedAt: '2026-10-01T13:00:00Z' }),
        exp(['transferred-before-expressed', 'original-recorded-before-expressed']),
      ),
      t(
        'transferred-after-recording',
        'transferred 2026-10-03',
        with_(ctf(), { 'provenance.transferredAt': '2026-10-03T00:00:00Z' }),
        E('recorded-before-transferred', '/recordedAt'),
      ),
    ],
    { section: 'validation.md transferred-before-expressed' },
  ),
  rule(
    'history-field-pairs-conflict',
    'History: one id, the second copy differs from the first in one decision-relevant field',
    (
      [
        ['other-upn', { 'subject.upn': 'Q801200005002' }],
        ['other-uln', { 'subject.uln': '1234567902' }],
        ['other-local-id', { 'subject.localId': 'ADM-00413' }],
        ['no-date-of-birth', { 'subject.dateOfBirth': undefined }],
        ['other-role', { 'expressedBy.role': 'CAR' }],
        ['other-basis', { competenceBasis: 'BINT' }],
        ['other-catalogue-version', { catalogueVersion: '2' }],
        ['other-purpose', { 'choices.0.purpose': 'EDUC' }],
      ] as [string, Changes][]
    ).map(([id, changes]) =>
      t(
        id,
        `same id; ${Object.keys(changes).join(', ')} differs`,
        [base(), b(changes)],
        E('statement-id-conflict', '/1/id'),
      ),
    ),
    { section: 'validation.md statement-id-conflict' },
  ),
];
