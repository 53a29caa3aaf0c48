import { DEFAULT_MAX_RECORD_BYTES } from './line-splitter.js';
import { strictUtf8 } from './utf8.js';

export interface ElementSink {
  /** The source text of one top-level element, numbered by the line it starts on. */
  element(text: string, lineNumber: number): void;
  /** Something that is not an element (a stray comma, a missing bracket, trailing content). */
  broken(lineNumber: number, message: string): void;
  /** An element longer than the limit: its bytes were dropped as they arrived. */
  oversize(lineNumber: number, bytes: number): void;
  /** An element whose bytes are not UTF-8. */
  notUtf8(lineNumber: number): void;
}

enum State {
  BeforeOpen,
  ExpectElement,
  InElement,
  ExpectSeparator,
  AfterClose,
  Ignoring,
}

enum Kind {
  Container,
  String,
  Literal,
}

const LF = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_SQUARE = 0x5b;
const CLOSE_SQUARE = 0x5d;
const OPEN_CURLY = 0x7b;
const CLOSE_CURLY = 0x7d;

function isSpace(c: number): boolean {
  return c === 0x20 || c === LF || c === 0x0d || c === 0x09;
}

/**
 * Cuts a JSON array into its top-level elements as bytes arrive, tracking only nesting depth and string
 * state, so the array is never held whole: memory is bounded by the largest element (capped). It does not
 * validate JSON; each element is parsed on its own afterwards, so one broken element is reported with its
 * line and the rest still run.
 */
export class ArraySplitter {
  private state = State.BeforeOpen;
  private kind = Kind.Container;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private afterComma = false;
  private lineNumber: number;
  private elementLine: number;
  private readonly held: Buffer[] = [];
  private heldBytes = 0;
  private dropping = false;

  constructor(
    private readonly sink: ElementSink,
    private readonly maxElementBytes = DEFAULT_MAX_RECORD_BYTES,
    firstLine = 1,
  ) {
    this.lineNumber = firstLine;
    this.elementLine = firstLine;
  }

  push(chunk: Uint8Array): void {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    let elementStart = this.state === State.InElement ? 0 : -1;
    for (let i = 0; i < buf.length; i++) {
      const c = buf[i]!;
      if (this.state === State.InElement) {
        if (this.scan(c)) {
          this.finishElement(buf, elementStart, i + 1);
          elementStart = -1;
          this.state = State.ExpectSeparator;
        } else if (this.kind === Kind.Literal && this.state !== State.InElement) {
          // A bare literal ends at the byte that follows it, which belongs to the array again.
          this.finishElement(buf, elementStart, i);
          elementStart = -1;
          this.state = State.ExpectSeparator;
          i--;
          continue;
        }
        if (c === LF) this.lineNumber++;
        continue;
      }
      if (c === LF) {
        this.lineNumber++;
        continue;
      }
      if (isSpace(c)) continue;
      switch (this.state) {
        case State.BeforeOpen:
          if (c === OPEN_SQUARE) {
            this.state = State.ExpectElement;
            this.afterComma = false;
          } else {
            this.sink.broken(this.lineNumber, 'expected a JSON array starting with [');
            this.state = State.Ignoring;
          }
          break;
        case State.ExpectElement:
          if (c === CLOSE_SQUARE) {
            if (this.afterComma) this.sink.broken(this.lineNumber, "trailing ',' before the closing ]");
            this.state = State.AfterClose;
          } else if (c === COMMA) {
            this.sink.broken(this.lineNumber, "empty array element (',' with no value before it)");
          } else {
            elementStart = this.startElement(c, i);
          }
          break;
        case State.ExpectSeparator:
          if (c === COMMA) {
            this.state = State.ExpectElement;
            this.afterComma = true;
          } else if (c === CLOSE_SQUARE) {
            this.state = State.AfterClose;
          } else {
            this.sink.broken(this.lineNumber, "expected ',' or ] between array elements");
            elementStart = this.startElement(c, i);
          }
          break;
        case State.AfterClose:
          this.sink.broken(this.lineNumber, 'unexpected content after the closing ] of the array');
          this.state = State.Ignoring;
          break;
        case State.Ignoring:
          break;
      }
    }
    if (this.state === State.InElement) this.hold(buf, elementStart);
  }

  end(): void {
    if (this.state === State.InElement) {
      if (this.kind === Kind.Literal) {
        this.finishElement(Buffer.alloc(0), 0, 0);
      } else {
        const line = this.elementLine;
        this.discardHeld();
        this.sink.broken(line, 'unexpected end of input inside this element');
      }
      this.state = State.ExpectSeparator;
    }
    if (this.state === State.BeforeOpen) {
      this.sink.broken(this.lineNumber, 'expected a JSON array starting with [');
    } else if (this.state === State.ExpectElement || this.state === State.ExpectSeparator) {
      this.sink.broken(this.lineNumber, 'unexpected end of input: the array has no closing ]');
    }
    this.state = State.Ignoring;
  }

  private startElement(c: number, i: number): number {
    this.state = State.InElement;
    this.elementLine = this.lineNumber;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    if (c === OPEN_CURLY || c === OPEN_SQUARE) {
      this.kind = Kind.Container;
      this.depth = 1;
    } else if (c === QUOTE) {
      this.kind = Kind.String;
      this.inString = true;
    } else {
      this.kind = Kind.Literal;
    }
    return i;
  }

  /**
   * Advances the element scanner by one byte (the element's first byte was consumed by startElement, so
   * scanning starts at the next one). Returns true when this byte closes the element; for a literal,
   * leaving State.InElement says the element ended just before this byte.
   */
  private scan(c: number): boolean {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (c === BACKSLASH) this.escaped = true;
      else if (c === QUOTE) {
        this.inString = false;
        return this.kind === Kind.String;
      }
      return false;
    }
    if (this.kind === Kind.Literal) {
      if (isSpace(c) || c === COMMA || c === CLOSE_SQUARE) this.state = State.ExpectSeparator;
      return false;
    }
    if (c === QUOTE) this.inString = true;
    else if (c === OPEN_CURLY || c === OPEN_SQUARE) this.depth++;
    else if (c === CLOSE_CURLY || c === CLOSE_SQUARE) return --this.depth === 0;
    return false;
  }

  private hold(buf: Buffer, start: number): void {
    const length = buf.length - start;
    if (!this.dropping && this.heldBytes + length > this.maxElementBytes) {
      this.dropping = true;
      this.held.length = 0;
    }
    if (!this.dropping) this.held.push(Buffer.from(buf.subarray(start)));
    this.heldBytes += length;
  }

  private finishElement(buf: Buffer, start: number, end: number): void {
    const total = this.heldBytes + (end - start);
    if (this.dropping || total > this.maxElementBytes) {
      this.discardHeld();
      this.sink.oversize(this.elementLine, total);
      return;
    }
    let text: string | undefined;
    if (this.heldBytes === 0) {
      text = strictUtf8(buf, start, end);
    } else {
      this.held.push(buf.subarray(start, end));
      text = strictUtf8(Buffer.concat(this.held, total), 0, total);
      this.discardHeld();
    }
    if (text === undefined) this.sink.notUtf8(this.elementLine);
    else this.sink.element(text, this.elementLine);
  }

  private discardHeld(): void {
    this.held.length = 0;
    this.heldBytes = 0;
    this.dropping = false;
  }
}
