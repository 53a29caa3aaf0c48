import { statementRule } from '../rule.js';

export const expressedAfterCensusDate = statementRule({
  id: 'expressed-after-census-date',
  severity: 'error',
  field: 'expressedAt',
  message: 'the date of expressedAt is after the census reference date',
  why: 'CBDS: a census return reports the position on census day; later statements belong to the next return.',
  check({ expressedDate, context }, report) {
    const census = context.censusDate;
    if (expressedDate === undefined || census === undefined || expressedDate <= census) return;
    report('/expressedAt', `${expressedDate} is after census date ${census}`);
  },
});
