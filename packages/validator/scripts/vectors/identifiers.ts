import { b, type Case, E, exp, OK, Q, rule, t } from '../vector-kit.js';

export const identifiers: Case[] = [
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
      'permanent-last-9',
      'P801200005009: a permanent UPN whose 13th character is 9, the highest digit (near miss)',
      b({ 'subject.upn': 'P801200005009' }),
      OK,
    ),
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
