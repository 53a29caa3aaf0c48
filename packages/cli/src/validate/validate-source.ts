import type { Validator } from '@reuse-pref/validator';
import { readStatementsFromXml } from '@reuse-pref/xml';
import { RecordReader } from '../input/record-reader.js';
import { checkRecord, type RecordResult } from './check-record.js';
import { StatementIds } from './statement-ids.js';

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
  const { xml, chunks } = await sniffXml(source);
  const ids = new StatementIds();
  if (xml) return validateXml(chunks, validator, ids, onResult, options);
  const reader = new RecordReader((record) => onResult(checkRecord(record, validator, ids)));
  let bytesRead = 0;
  for await (const chunk of chunks) {
    reader.push(chunk);
    bytesRead += chunk.length;
    await options.afterChunk?.(bytesRead);
  }
  reader.end();
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0xef, 0xbb, 0xbf]);

/**
 * A first non-space byte `<` means a CTF, census or fragment XML file (a UTF-8 BOM counts as space). The
 * chunks read to find out are handed on first; they are copied because the reader reuses its buffer.
 */
async function sniffXml(
  source: AsyncIterable<Uint8Array>,
): Promise<{ xml: boolean; chunks: AsyncIterable<Uint8Array> }> {
  const iterator = source[Symbol.asyncIterator]();
  const seen: Uint8Array[] = [];
  let xml = false;
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    seen.push(Uint8Array.from(next.value));
    const first = next.value.findIndex((b) => !WHITESPACE.has(b));
    if (first !== -1) {
      xml = next.value[first] === 0x3c;
      break;
    }
  }
  async function* chunks() {
    yield* seen;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { xml, chunks: chunks() };
}

async function validateXml(
  chunks: AsyncIterable<Uint8Array>,
  validator: Validator,
  ids: StatementIds,
  onResult: (result: RecordResult) => void,
  options: ValidateSourceOptions,
): Promise<void> {
  let bytesRead = 0;
  async function* counted() {
    for await (const chunk of chunks) {
      yield chunk;
      bytesRead += chunk.length;
      await options.afterChunk?.(bytesRead);
    }
  }
  for await (const item of readStatementsFromXml(counted())) {
    const record =
      'error' in item
        ? {
            kind: 'broken' as const,
            line: item.line,
            rule: 'xml-carriage' as const,
            message: `<${item.error.element}> ${item.error.reason} (column ${item.column})`,
          }
        : { kind: 'value' as const, line: item.line, value: item.value };
    onResult(checkRecord(record, validator, ids));
  }
}
