import type { Validator } from '@reuse-pref/validator';
import { RecordReader } from '../input/record-reader.js';
import { checkRecord, type RecordResult } from './check-record.js';

export interface ValidateSourceOptions {
  /** Called once per chunk after its records were handled: the place to flush output and show progress. */
  afterChunk?: (bytesRead: number) => void | Promise<void>;
}

/**
 * The validation pipeline: bytes in, one result per record out, in input order. Each chunk is handled
 * completely before the next is read, so a caller that awaits in `afterChunk` (for example for stdout to
 * drain) holds the reader back and memory stays flat whatever the input size.
 */
export async function validateSource(
  source: AsyncIterable<Uint8Array>,
  validator: Validator,
  onResult: (result: RecordResult) => void,
  options: ValidateSourceOptions = {},
): Promise<void> {
  const reader = new RecordReader((record) => onResult(checkRecord(record, validator)));
  let bytesRead = 0;
  for await (const chunk of source) {
    reader.push(chunk);
    bytesRead += chunk.length;
    await options.afterChunk?.(bytesRead);
  }
  reader.end();
}
