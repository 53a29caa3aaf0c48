import { ArraySplitter } from './array-splitter.js';
import { type DepthState, freshDepth, scanDepth } from './json-depth.js';
import { DEFAULT_MAX_RECORD_BYTES, LineSplitter } from './line-splitter.js';

export type BrokenRule = 'json-syntax' | 'record-too-large' | 'xml-carriage' | 'invalid-utf8';

/** One record of the input: a parsed JSON value, or text that could not be one. */
export type SourceRecord =
  | { kind: 'value'; line: number; value: unknown }
  | { kind: 'broken'; line: number; rule: BrokenRule; message: string };

export type RecordSink = (record: SourceRecord) => void;

export type InputForm = 'ndjson' | 'array';

interface Splitter {
  push(chunk: Uint8Array): void;
  end(): void;
}

interface PendingDocument {
  line: number;
  parts: string[];
  length: number;
  depth: DepthState;
}

function syntaxMessage(err: unknown): string {
  return `invalid JSON: ${err instanceof Error ? err.message : String(err)}`;
}

function tooLarge(bytes: number, max: number): string {
  return `record of ${bytes} bytes is over the ${max}-byte limit; a statement is a few kilobytes`;
}

/**
 * Turns a byte stream into records. The form is read from the content: a first non-space `[` means a JSON
 * array, cut into elements as it streams; anything else is NDJSON, one value per line, where a line that
 * opens a value without closing it starts a document spread over several lines (so a single pretty-printed
 * statement is accepted too). A new line starting with `{` in the first column ends such a document, so a
 * truncated NDJSON line costs one record, not the rest of the file.
 */
export class RecordReader {
  private splitter: Splitter | undefined;
  private offset = 0;
  private skippedLines = 0;
  private pending: PendingDocument | undefined;
  form: InputForm | undefined;

  constructor(
    private readonly sink: RecordSink,
    private readonly maxRecordBytes = DEFAULT_MAX_RECORD_BYTES,
  ) {}

  push(chunk: Uint8Array): void {
    if (this.splitter) {
      this.splitter.push(chunk);
      return;
    }
    const start = this.detect(chunk);
    this.offset += chunk.length;
    if (start >= 0) this.splitter!.push(chunk.subarray(start));
  }

  end(): void {
    if (!this.splitter) return;
    this.splitter.end();
    this.flushPending();
  }

  /** Skips a byte order mark and leading whitespace; returns where content starts, or -1 if not yet. */
  private detect(chunk: Uint8Array): number {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      const at = this.offset + i;
      if ((at === 0 && c === 0xef) || (at === 1 && c === 0xbb) || (at === 2 && c === 0xbf)) continue;
      if (c === 0x0a) {
        this.skippedLines++;
        continue;
      }
      if (c === 0x20 || c === 0x0d || c === 0x09) continue;
      this.form = c === 0x5b ? 'array' : 'ndjson';
      this.splitter = this.form === 'array' ? this.arraySplitter() : this.lineSplitter();
      return i;
    }
    return -1;
  }

  private arraySplitter(): Splitter {
    return new ArraySplitter(
      {
        element: (text, line) => this.parse(text, line),
        broken: (line, message) => this.sink({ kind: 'broken', line, rule: 'json-syntax', message }),
        oversize: (line, bytes) => this.oversize(line, bytes),
        notUtf8: (line) => this.notUtf8(line),
      },
      this.maxRecordBytes,
      this.skippedLines + 1,
    );
  }

  private lineSplitter(): Splitter {
    return new LineSplitter(
      {
        line: (text, line) => this.line(text, line),
        oversize: (line, bytes) => {
          this.flushPending();
          this.oversize(line, bytes);
        },
        notUtf8: (line) => this.notUtf8(line),
      },
      this.maxRecordBytes,
      this.skippedLines + 1,
    );
  }

  private parse(text: string, line: number): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      this.sink({ kind: 'broken', line, rule: 'json-syntax', message: syntaxMessage(err) });
      return;
    }
    this.sink({ kind: 'value', line, value });
  }

  private oversize(line: number, bytes: number): void {
    this.sink({
      kind: 'broken',
      line,
      rule: 'record-too-large',
      message: tooLarge(bytes, this.maxRecordBytes),
    });
  }

  /**
   * Bytes that are not UTF-8 end any document they fall in: the record is refused as the intake refuses
   * it, naming the line that holds them.
   */
  private notUtf8(line: number): void {
    const doc = this.pending;
    this.pending = undefined;
    this.sink({
      kind: 'broken',
      line: doc ? doc.line : line,
      rule: 'invalid-utf8',
      message: `the bytes at line ${line} are not UTF-8`,
    });
  }

  private line(text: string, line: number): void {
    if (this.pending) {
      this.continueDocument(text, line);
      return;
    }
    if (text.length === 0 || (text.charCodeAt(0) !== 0x7b && text.trim() === '')) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      this.startDocument(text, line, err);
      return;
    }
    this.sink({ kind: 'value', line, value });
  }

  private startDocument(text: string, line: number, err: unknown): void {
    const depth = freshDepth();
    scanDepth(depth, text);
    if (depth.inString || depth.unbalanced || depth.depth <= 0) {
      this.sink({ kind: 'broken', line, rule: 'json-syntax', message: syntaxMessage(err) });
      return;
    }
    this.pending = { line, parts: [text], length: text.length, depth };
  }

  private continueDocument(text: string, line: number): void {
    const doc = this.pending!;
    if (text.charCodeAt(0) === 0x7b) {
      this.flushPending(`the value starting here is not closed before the next record at line ${line}`);
      this.line(text, line);
      return;
    }
    scanDepth(doc.depth, text);
    doc.parts.push(text);
    doc.length += text.length + 1;
    if (doc.depth.inString || doc.depth.unbalanced) {
      this.flushPending(`the value starting here is broken at line ${line}`);
    } else if (doc.depth.depth === 0) {
      this.pending = undefined;
      this.parse(doc.parts.join('\n'), doc.line);
    } else if (doc.length > this.maxRecordBytes) {
      this.pending = undefined;
      this.oversize(doc.line, doc.length);
    }
  }

  private flushPending(reason = 'unexpected end of input: the value starting here is not closed'): void {
    const doc = this.pending;
    if (!doc) return;
    this.pending = undefined;
    this.sink({ kind: 'broken', line: doc.line, rule: 'json-syntax', message: `invalid JSON: ${reason}` });
  }
}
