import { b, type Case, ctf, E, OK, rule, t, with_ } from '../vector-kit.js';

export const codes: Case[] = [
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
