import { RecordReader, type SourceRecord } from '../input/record-reader.js';

export interface ReadRecord {
  record: SourceRecord;
  /** Bytes of the input read so far, for the progress line. */
  bytesRead: number;
}

/**
 * The input's records (NDJSON, a JSON array or one pretty-printed statement), pulled one at a time: a
 * chunk is read only when the records of the one before have been taken, so an upload of any size keeps
 * one chunk in memory and the intake's pace sets the reading pace.
 */
export async function* sourceRecords(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<ReadRecord> {
  const ready: SourceRecord[] = [];
  const reader = new RecordReader((record) => ready.push(record));
  let bytesRead = 0;
  let first = true;
  for await (const chunk of chunks) {
    if (first) {
      const start = chunk.findIndex((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09);
      if (start !== -1) {
        first = false;
        if (chunk[start] === 0x3c) throw new NotJsonInputError();
      }
    }
    reader.push(chunk);
    bytesRead += chunk.length;
    while (ready.length > 0) yield { record: ready.shift()!, bytesRead };
  }
  reader.end();
  while (ready.length > 0) yield { record: ready.shift()!, bytesRead };
}

/** The input is XML: the intake takes JSON statements, and `ctf import` turns a CTF into them. */
export class NotJsonInputError extends Error {
  constructor() {
    super(
      "upload sends NDJSON (or a JSON array) of statements; this input is XML: turn a CTF into NDJSON with 'reuse-pref ctf import' first",
    );
  }
}
