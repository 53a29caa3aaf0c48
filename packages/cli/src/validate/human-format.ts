import type { Finding } from '@reuse-pref/schema';
import type { RecordResult } from './check-record.js';
import type { Summary } from './summary.js';

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function finding(f: Finding): string {
  return `  ${f.severity.padEnd(5)}  ${f.rule}  ${f.pointer === '' ? '(record)' : f.pointer}  ${f.message}\n`;
}

/**
 * A record with something to say, as a header line then one line per finding; a clean record prints
 * nothing, so a large valid file gives a short report.
 */
export function formatRecordHuman(result: RecordResult): string {
  if (result.errors.length === 0 && result.queries.length === 0) return '';
  const status = result.broken ? 'broken' : result.valid ? 'accepted with queries' : 'rejected';
  const id = result.id === null ? '' : ` id ${result.id}`;
  let text = `line ${result.line}${id}: ${status}\n`;
  for (const f of result.errors) text += finding(f);
  for (const f of result.queries) text += finding(f);
  return text;
}

export function formatSummaryHuman(summary: Summary): string {
  return `${[
    plural(summary.records, 'record'),
    `${summary.valid} valid`,
    `${summary.withErrors} with errors`,
    `${summary.withQueries} with queries`,
    `${summary.broken} broken`,
  ].join(', ')}\n`;
}
