import { isBefore } from '../dates/times.js';
import { statementRule } from '../rule.js';

export const originalRecordedBeforeExpressed = statementRule({
  id: 'original-recorded-before-expressed',
  severity: 'error',
  field: 'provenance.originalRecordedAt',
  message: 'the original recording is before expressedAt',
  why: 'Same as recorded-before-expressed, for the first school: the audit trail must be possible.',
  check({ originalRecordedAt, expressedAt }, report) {
    if (isBefore(originalRecordedAt, expressedAt)) {
      report('/provenance/originalRecordedAt', 'is before expressedAt');
    }
  },
});
