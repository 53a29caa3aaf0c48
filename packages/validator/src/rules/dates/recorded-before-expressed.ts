import { statementRule } from '../rule.js';
import { isBefore } from './times.js';

export const recordedBeforeExpressed = statementRule({
  id: 'recorded-before-expressed',
  severity: 'error',
  field: 'recordedAt',
  message: 'recordedAt is before expressedAt',
  why: 'A choice cannot be recorded before it was made; one of the times is wrong and ordering depends on it.',
  check({ recordedAt, expressedAt }, report) {
    if (isBefore(recordedAt, expressedAt)) report('/recordedAt', 'is before expressedAt');
  },
});
