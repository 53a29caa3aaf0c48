import { b, type Case, ctf, E, OK, rule, t, with_ } from '../vector-kit.js';

export const transfer: Case[] = [
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
      'channel-unknown',
      'provenance with a channel that is not a code: unknown-code only, the channel is not read (near miss)',
      with_(ctf(), { channel: 'FAXX' }),
      E('unknown-code', '/channel'),
    ),
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
