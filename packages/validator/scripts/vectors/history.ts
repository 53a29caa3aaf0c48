import { b, base, type Case, choices, ctf, E, type Json, OK, rule, t, UUID, with_ } from '../vector-kit.js';

const s1 = base();
const s2 = b({
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  expressedAt: '2026-10-01T09:00:00Z',
  recordedAt: '2026-10-01T09:00:00Z',
  choices: choices(['STAT', 'OBJT']),
});

export const history: Case[] = [
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
        'time-differs-below-millisecond',
        'same id, expressedAt 0.8 ms apart',
        [b({ expressedAt: '2026-09-03T08:15:00.1231Z' }), b({ expressedAt: '2026-09-03T08:15:00.1239Z' })],
        E('statement-id-conflict', '/1/id'),
        'expressedAt is compared as an instant at full precision (validation.md 5); the resolver flags the same history (resolver.md R2).',
      ),
      t(
        'same-instant-other-fraction',
        'the same expressedAt instant written .5Z and .500+01:00 (near miss)',
        [b({ expressedAt: '2026-09-03T08:15:00.5Z' }), b({ expressedAt: '2026-09-03T09:15:00.500+01:00' })],
        OK,
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
      t(
        'after-null',
        'a null entry, then a conflict: the conflict is still found',
        [null, s1, b({ 'choices.0.value': 'OBJT' })],
        E('statement-id-conflict', '/2/id'),
        'An entry that is not an object takes part in no conflict, and the others are still compared (validation.md 7).',
      ),
      t(
        'after-number-id',
        'an entry whose id is a number, then a conflict: the conflict is still found',
        [b({ id: 5 }), s1, b({ 'choices.0.value': 'OBJT' })],
        E('statement-id-conflict', '/2/id'),
        'An entry whose id is not a string takes part in no conflict, and the others are still compared (validation.md 7).',
      ),
    ],
    {
      comment:
        'data is an array of statements, checked with history validation (cases whose id begins "history-").',
    },
  ),
];
