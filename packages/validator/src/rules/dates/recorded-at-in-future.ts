import { statementRule } from '../rule.js';
import { isInTheFuture } from './times.js';

export const recordedAtInFuture = statementRule({
  id: 'recorded-at-in-future',
  severity: 'error',
  field: 'recordedAt',
  message: 'recordedAt is more than 5 minutes after the validator clock',
  why: 'Audit trail integrity (Art 5(2) accountability): a record cannot be made in the future.',
  check({ recordedAt, context }, report) {
    if (recordedAt !== undefined && isInTheFuture(recordedAt, context)) {
      report('/recordedAt', 'is more than 5 minutes after the validator clock');
    }
  },
});
