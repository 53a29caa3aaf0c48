// @ts-nocheck
import { b, type Case, E, OK, rule, t } from '../vector-kit.js';

/**
 * statement-id-conflict over records that fail the statement schema (issue 11, found by mutation testing
 * of the resolver's conflict key): a history check takes any JSON value (validation.md 7 compares content,
 * never structure) and must neither throw nor invent a difference. A member that is null, missing or not
 * the object the schema wants carries no decision-relevant field, so such copies are the same content;
 * an unreadable expressedAt is compared as written, so two different ones differ. The per-record rules
 * report the structure errors themselves.
 */
export const malformedHistory: Case[] = [
  rule(
    'history-statement-id-conflict-malformed-copies',
    'History: copies of one id that fail the statement schema',
    [
      t(
        'subject-null',
        'two copies whose subject is null: one content, and no throw (near miss)',
        [b({ subject: null }), b({ subject: null })],
        OK,
      ),
      t(
        'expressed-by-null-or-missing',
        'one copy with expressedBy null, one without it: neither names a role or person (near miss)',
        [b({ expressedBy: null }), b({ expressedBy: undefined })],
        OK,
      ),
      t(
        'subject-null-answer-differs',
        'two copies whose subject is null, one answer changed: still compared, and the conflict found',
        [b({ subject: null }), b({ subject: null, 'choices.0.value': 'OBJT' })],
        E('statement-id-conflict', '/1/id'),
      ),
      t(
        'choice-null-answer-differs',
        'two copies with a null choice, another answer changed: still compared, and the conflict found',
        [b({ 'choices.0': null }), b({ 'choices.0': null, 'choices.1.value': 'OBJT' })],
        E('statement-id-conflict', '/1/id'),
      ),
      t(
        'expressed-at-a-number-answer-differs',
        'two copies whose expressedAt is a number, one answer changed: still compared, and the conflict found',
        [b({ expressedAt: 1788423300000 }), b({ expressedAt: 1788423300000, 'choices.0.value': 'OBJT' })],
        E('statement-id-conflict', '/1/id'),
      ),
      t(
        'choice-null',
        'two copies with the same null choice: one content, and no throw (near miss)',
        [b({ 'choices.0': null }), b({ 'choices.0': null })],
        OK,
      ),
      t(
        'choices-not-an-array',
        'choices as text in one copy and an empty list in the other: neither has a (purpose, value) pair (near miss)',
        [b({ choices: 'STAT=OBJT' }), b({ choices: [] })],
        OK,
      ),
      t(
        'unreadable-times-differ',
        'two copies whose expressedAt cannot be read and differ as written',
        [b({ expressedAt: '2026-09-03 08:15:00Z' }), b({ expressedAt: '2026-09-03 08:16:00Z' })],
        E('statement-id-conflict', '/1/id'),
      ),
      t(
        'unreadable-time-same',
        'two copies with the same unreadable expressedAt (near miss)',
        [b({ expressedAt: '2026-09-03 08:15:00Z' }), b({ expressedAt: '2026-09-03 08:15:00Z' })],
        OK,
      ),
    ],
    { section: 'validation.md statement-id-conflict' },
  ),
];
