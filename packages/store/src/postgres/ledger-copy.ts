import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { OrderedRun } from '../ledgers/placement.js';

/** COPY's text format: a backslash starts an escape, and tab and newline end a field and a row. */
function copyText(value: string): string {
  const plain =
    value.indexOf('\\') === -1 &&
    value.indexOf('\t') === -1 &&
    value.indexOf('\n') === -1 &&
    value.indexOf('\r') === -1;
  return plain
    ? value
    : value.replace(/[\\\t\n\r]/g, (c) =>
        c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
      );
}

const BACKSLASH = 0x5c;
const TAB = 0x09;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
// Bytes that need no escape in COPY's text format are copied as they are; the others become these pairs.
const ESCAPED: Record<number, number> = {
  [BACKSLASH]: BACKSLASH,
  [TAB]: 0x74,
  [NEWLINE]: 0x6e,
  [RETURN]: 0x72,
};

const COPY_PIECE = 16 << 20;

/**
 * The run's rows of ledger_entries in COPY's text format, in the run's key order, each with its index:
 * one buffer, the entries' texts copied byte for byte from the run's (UTF-8 is written once, when an
 * entry is added). A ledger's name is written once for a stretch of its entries and copied for the rest.
 */
export function copyRows({ run, order }: OrderedRun, indexes: Float64Array): Buffer {
  const source = run.buffer;
  // JSON a caller serialised has no raw tab or newline and rarely a backslash: almost always the whole
  // run's texts need no escape, which four native scans tell.
  const plain =
    source.indexOf(BACKSLASH) === -1 &&
    source.indexOf(TAB) === -1 &&
    source.indexOf(NEWLINE) === -1 &&
    source.indexOf(RETURN) === -1;
  let room = 0;
  for (let at = 0; at < order.length; at++) {
    const row = order[at]!;
    // Name (escaped, UTF-8, at most 6 bytes a unit), index (at most 16 digits), text, two tabs, a newline.
    room += 6 * run.ledger(row).length + 16 + (run.end(row) - run.start(row)) * (plain ? 1 : 2) + 3;
  }
  const out = Buffer.allocUnsafe(room);
  let pos = 0;
  let lastName: string | undefined;
  let nameAt = 0;
  let nameBytes = 0;
  for (let at = 0; at < order.length; at++) {
    const row = order[at]!;
    const name = run.ledger(row);
    if (name === lastName) {
      out.copyWithin(pos, nameAt, nameAt + nameBytes);
    } else {
      lastName = name;
      nameAt = pos;
      nameBytes = out.write(copyText(name), pos, 'utf8');
    }
    pos += nameBytes;
    out[pos++] = TAB;
    pos = writeIndex(out, pos, indexes[at]!);
    out[pos++] = TAB;
    const start = run.start(row);
    const end = run.end(row);
    if (plain) {
      pos += source.copy(out, pos, start, end);
    } else {
      for (let i = start; i < end; i++) {
        const byte = source[i]!;
        const escaped = ESCAPED[byte];
        if (escaped === undefined) out[pos++] = byte;
        else {
          out[pos++] = BACKSLASH;
          out[pos++] = escaped;
        }
      }
    }
    out[pos++] = NEWLINE;
  }
  return out.subarray(0, pos);
}

/** A whole number's decimal digits at `pos`; returns the position after them. */
function writeIndex(out: Buffer, pos: number, index: number): number {
  let digits = 1;
  for (let rest = index; rest >= 10; rest = Math.floor(rest / 10)) digits++;
  let rest = index;
  for (let i = pos + digits - 1; i >= pos; i--) {
    out[i] = 0x30 + (rest % 10);
    rest = Math.floor(rest / 10);
  }
  return pos + digits;
}

/** A run's rows into ledger_entries through COPY: the bulk path, far cheaper per row than INSERT. */
export async function copyRun(
  client: pg.PoolClient,
  ordered: OrderedRun,
  indexes: Float64Array,
): Promise<void> {
  if (ordered.order.length === 0) return;
  const rows = copyRows(ordered, indexes);
  const stream = client.query(copyFrom('COPY ledger_entries (ledger, idx, entry) FROM STDIN'));
  // A release's run (thousands of rows, a few MB) goes in one write: each wait for 'drain' would wait for
  // a turn of an event loop the caller keeps busy. Larger runs go in pieces of this size.
  let at = 0;
  for (; at + COPY_PIECE < rows.length; at += COPY_PIECE) {
    // once() rejects on 'error': a row the server refuses (a key taken) must not leave this waiting.
    if (!stream.write(rows.subarray(at, at + COPY_PIECE))) await once(stream, 'drain');
  }
  stream.end(rows.subarray(at));
  await finished(stream);
}
