import { isBefore } from '../dates/times.js';
import { statementRule } from '../rule.js';

export const transferredBeforeExpressed = statementRule({
  id: 'transferred-before-expressed',
  severity: 'error',
  field: 'provenance.transferredAt',
  message: 'the transfer is before expressedAt',
  why: 'A statement cannot be transferred before it was made; one of the times is wrong.',
  check({ transferredAt, expressedAt }, report) {
    if (isBefore(transferredAt, expressedAt)) report('/provenance/transferredAt', 'is before expressedAt');
  },
});
