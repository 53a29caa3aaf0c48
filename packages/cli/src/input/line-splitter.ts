import { strictUtf8 } from './utf8.js';

/** A statement is a few kilobytes; anything this large is not one, and holding it would break flat memory. */
export const DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;

export interface LineSink {
  /** A complete line without its terminator (LF or CRLF), numbered from 1. */
  line(text: string, lineNumber: number): void;
  /** A line longer than the limit: its bytes were dropped as they arrived. */
  oversize(lineNumber: number, bytes: number): void;
  /** A line whose bytes are not UTF-8: it is not text, so it is not handed on. */
  notUtf8(lineNumber: number): void;
}

/**
 * Splits a byte stream into lines, whatever the chunk boundaries. Only the unfinished tail of a line is
 * kept between chunks, so memory is bounded by the longest line (capped), never by the input size.
 * Decoding happens per complete line, so a multi-byte character split across chunks decodes correctly,
 * and strictly: a line that is not UTF-8 is reported, never decoded with replacement characters.
 */
export class LineSplitter {
  private readonly tail: Buffer[] = [];
  private tailBytes = 0;
  private dropping = false;
  private lineNumber: number;

  constructor(
    private readonly sink: LineSink,
    private readonly maxLineBytes = DEFAULT_MAX_RECORD_BYTES,
    firstLine = 1,
  ) {
    this.lineNumber = firstLine;
  }

  push(chunk: Uint8Array): void {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    let start = 0;
    let newline = buf.indexOf(10, start);
    while (newline !== -1) {
      this.finishLine(buf, start, newline);
      start = newline + 1;
      newline = buf.indexOf(10, start);
    }
    if (start < buf.length) this.hold(buf, start);
  }

  /** Flushes a last line that has no terminator. */
  end(): void {
    if (this.tailBytes > 0 || this.dropping) this.finishLine(Buffer.alloc(0), 0, 0);
  }

  private hold(buf: Buffer, start: number): void {
    const length = buf.length - start;
    if (this.dropping) {
      this.tailBytes += length;
      return;
    }
    if (this.tailBytes + length > this.maxLineBytes) {
      this.dropping = true;
      this.tail.length = 0;
      this.tailBytes += length;
      return;
    }
    // A copy, so the producer's chunk can be released (or reused) before the line completes.
    this.tail.push(Buffer.from(buf.subarray(start)));
    this.tailBytes += length;
  }

  private finishLine(buf: Buffer, start: number, end: number): void {
    const lineNumber = this.lineNumber++;
    const total = this.tailBytes + (end - start);
    if (this.dropping || total > this.maxLineBytes) {
      this.resetTail();
      this.sink.oversize(lineNumber, total);
      return;
    }
    let text: string | undefined;
    if (this.tailBytes === 0) {
      text = strictUtf8(buf, start, end);
    } else {
      this.tail.push(buf.subarray(start, end));
      text = strictUtf8(Buffer.concat(this.tail, total), 0, total);
      this.resetTail();
    }
    if (text === undefined) {
      this.sink.notUtf8(lineNumber);
      return;
    }
    if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
    this.sink.line(text, lineNumber);
  }

  private resetTail(): void {
    this.tail.length = 0;
    this.tailBytes = 0;
    this.dropping = false;
  }
}
