import { statementRule } from '../rule.js';
import { isInTheFuture } from './times.js';

export const expressedAtInFuture = statementRule({
  id: 'expressed-at-in-future',
  severity: 'error',
  field: 'expressedAt',
  message: 'expressedAt is more than 5 minutes after the validator clock',
  why: 'Resolver rule 1 orders by expressedAt: a future time would beat every real later statement.',
  check({ expressedAt, context }, report) {
    if (expressedAt !== undefined && isInTheFuture(expressedAt, context)) {
      report('/expressedAt', 'is more than 5 minutes after the validator clock');
    }
  },
});
