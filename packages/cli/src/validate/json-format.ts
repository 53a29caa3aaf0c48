import type { RecordResult } from './check-record.js';
import type { Summary } from './summary.js';

/**
 * NDJSON: one `{"type":"record",...}` line per record, every record including clean ones (so a consumer
 * can join results to input lines), then one `{"type":"summary",...}` line.
 */
export function formatRecordJson(result: RecordResult): string {
  return `${JSON.stringify({ type: 'record', ...result })}\n`;
}

export function formatSummaryJson(summary: Summary): string {
  return `${JSON.stringify({ type: 'summary', ...summary })}\n`;
}
