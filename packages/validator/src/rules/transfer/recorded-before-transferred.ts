import { isBefore } from '../dates/times.js';
import { statementRule } from '../rule.js';

export const recordedBeforeTransferred = statementRule({
  id: 'recorded-before-transferred',
  severity: 'error',
  field: 'recordedAt',
  message: 'an imported statement is recorded before its transfer',
  why: 'The receiving school cannot record a CTF statement before the file reached it.',
  check({ recordedAt, transferredAt }, report) {
    if (isBefore(recordedAt, transferredAt)) report('/recordedAt', 'is before provenance.transferredAt');
  },
});
