import { XmlCarriageError } from './error.js';
import type { ReadLimits } from './limits.js';
import { FILE_START, type Origin } from './locate.js';

/** One element cut out of the file, whole, with the file position of its `<`. */
export type CapturedElement = { name: string; xml: string; origin: Origin };

/** An element that was to be cut out but is longer than the reader holds: passed over, not read. */
export type OversizedElement = { name: string; origin: Origin; oversized: true };

export type ScannedElement = CapturedElement | OversizedElement;

// What a file may declare about itself: XML 1.0 (1.1 admits other characters) in UTF-8 (the bytes are
// decoded as UTF-8 before the scanner sees them, so another declared encoding would be read wrongly).
const DECLARATION_VERSION = /\sversion\s*=\s*(["'])([^"']*)\1/;
const DECLARATION_ENCODING = /\sencoding\s*=\s*(["'])([^"']*)\1/;
const NOT_SPACE = /[^ \t\r\n]/g;

/**
 * A push scanner that cuts chosen elements (a CTF `<Pupil>`, a census `<PupilOnRoll>`, the `<Header>`)
 * out of a file arriving in chunks of any size, so a census file of 1,500 pupils never sits whole in
 * memory: only the pupil being read does, and no more than `limits` allow. It knows just enough XML to do
 * that safely: comments, CDATA, processing instructions and quoted attribute values can hold a `<Pupil>`
 * look-alike that is not one. Elements outside the captured ones are only checked for balanced tags,
 * for one root element with nothing but white space around it, and for the XML declaration.
 */
export class ElementScanner {
  private buf = '';
  private pos = 0;
  /** Characters dropped from the front of `buf` so far: `dropped + index` is a file offset. */
  private dropped = 0;
  // A known file position of one buffer index; moved forward only, so counting lines costs O(file).
  private cursorIndex = 0;
  private cursor: Origin = { ...FILE_START };
  private readonly open: string[] = [];
  private capture: { name: string; start: number; depth: number; origin: Origin; oversized: boolean } | null =
    null;
  private first = true;
  private sawElement = false;
  private rootClosed = false;
  private stopped: XmlCarriageError | undefined;

  constructor(
    private readonly names: ReadonlySet<string>,
    private readonly limits: ReadLimits,
  ) {}

  /**
   * Takes the next chunk and returns the elements it completed. An error in the file's structure stops
   * the scan; it is kept until the elements before it have been handed out (throwIfStopped), so what a
   * reader yields never depends on where the chunks were cut.
   */
  push(chunk: string): ScannedElement[] {
    this.throwIfStopped();
    if (this.first && chunk.length) {
      this.first = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    this.buf += chunk;
    const out: ScannedElement[] = [];
    try {
      this.scan(out);
      this.holdNoMore();
    } catch (error) {
      if (!(error instanceof XmlCarriageError)) throw error;
      this.stopped = error;
      return out;
    }
    this.compact();
    return out;
  }

  throwIfStopped(): void {
    if (this.stopped) throw this.stopped;
  }

  /** Call once the input is exhausted: a file cut off mid-element is an error, not a shorter file. */
  end(): void {
    this.throwIfStopped();
    const cap = this.capture;
    if (cap) {
      const message = `the file ends inside <${cap.name}>`;
      throw new XmlCarriageError({ ...cap.origin, element: cap.name, message });
    }
    const rest = this.buf.indexOf('<', this.pos);
    if (rest !== -1) throw this.error(rest, '?', 'the file ends inside a tag');
    const inside = this.open.at(-1);
    if (inside) throw this.error(this.buf.length, inside, `the file ends before </${inside}>`);
    if (!this.sawElement) throw this.error(this.buf.length, '?', 'the file holds no XML element');
  }

  /** The file position just past what has arrived so far. */
  tail(): Origin {
    return this.position(this.buf.length);
  }

  private position(index: number): Origin {
    let { line, column } = this.cursor;
    let from = this.cursorIndex;
    for (let nl = this.buf.indexOf('\n', from); nl !== -1 && nl < index; nl = this.buf.indexOf('\n', from)) {
      line++;
      column = 1;
      from = nl + 1;
    }
    column += index - from;
    this.cursor = { line, column };
    this.cursorIndex = index;
    return { line, column };
  }

  private error(index: number, element: string, message: string): XmlCarriageError {
    return new XmlCarriageError({ ...this.position(index), element, message });
  }

  /**
   * Bounds what waits in the buffer: a captured element past maxElementLength is passed over from here
   * on (its end is still found, so the next pupil reads), and markup outside one past maxMarkupLength
   * stops the file. Checked on what has arrived, and again on whole pieces in scan, so the outcome is
   * the same wherever the chunks were cut.
   */
  private holdNoMore() {
    const cap = this.capture;
    if (cap && !cap.oversized) {
      if (this.buf.length - cap.start > this.limits.maxElementLength) cap.oversized = true;
      return;
    }
    if (this.buf.length - this.pos > this.limits.maxMarkupLength) throw this.markupTooLong(this.pos);
  }

  private markupTooLong(lt: number): XmlCarriageError {
    const max = this.limits.maxMarkupLength;
    return this.error(lt, '?', `markup longer than ${max} characters (the reader's maxMarkupLength)`);
  }

  private compact() {
    const cap = this.capture;
    const keep = cap && !cap.oversized ? cap.start : this.pos;
    // Dropping only once at least half the buffer is spent keeps the copying linear in the file size.
    if (keep === 0 || keep < this.buf.length / 2) return;
    this.position(keep);
    this.buf = this.buf.slice(keep);
    this.dropped += keep;
    this.pos -= keep;
    this.cursorIndex -= keep;
    if (cap) cap.start = Math.max(0, cap.start - keep);
  }

  /** Index just past the end of the markup starting at `lt`, or -1 when more input is needed. */
  private skipMarkup(lt: number): number {
    const b = this.buf;
    const skipTo = (close: string, from: number) => {
      const end = b.indexOf(close, from);
      return end === -1 ? -1 : end + close.length;
    };
    if (b[lt + 1] === '?') {
      const end = skipTo('?>', lt + 2);
      if (end !== -1) this.processingInstruction(lt, end);
      return end;
    }
    if (b.startsWith('<!--', lt)) return skipTo('-->', lt + 4);
    if (b.startsWith('<![CDATA[', lt)) return skipTo(']]>', lt + 9);
    if (b.startsWith('<!DOCTYPE', lt)) {
      const end = this.tagEnd(lt);
      if (end === -1) return -1;
      // An internal subset can declare entities that expand without bound; carried files never need one.
      if (b.slice(lt, end).includes('['))
        throw this.error(lt, 'DOCTYPE', 'a DOCTYPE with an internal subset is not accepted');
      return end + 1;
    }
    if (b.length - lt < 9) return -1;
    throw this.error(lt, '!', 'unexpected markup declaration');
  }

  /** The XML declaration is read (version and encoding); it may stand only at the very start. */
  private processingInstruction(lt: number, end: number) {
    const pi = this.buf.slice(lt, end);
    if (!/^<\?xml(?=[\s?])/i.test(pi)) return;
    if (this.dropped + lt !== 0) {
      throw this.error(lt, '?xml', 'an XML declaration may stand only at the very start of the file');
    }
    const version = DECLARATION_VERSION.exec(pi)?.[2];
    if (version !== '1.0') {
      throw this.error(
        lt,
        '?xml',
        `the file declares XML version ${version ?? '(none)'}; carried files are XML 1.0`,
      );
    }
    const encoding = DECLARATION_ENCODING.exec(pi)?.[2];
    if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) {
      throw this.error(lt, '?xml', `the file declares encoding ${encoding}; carried files are UTF-8`);
    }
  }

  /** Index of the `>` closing the tag at `lt`, skipping quoted attribute values; -1 when incomplete. */
  private tagEnd(lt: number): number {
    const b = this.buf;
    const gt = b.indexOf('>', lt);
    if (gt === -1) return -1;
    // Look for quotes only inside this tag: searching on past `>` would rescan the file for every tag.
    let i = lt + 1;
    while (i < gt) {
      const c = b.charCodeAt(i);
      if (c === 0x22 || c === 0x27) break;
      i++;
    }
    if (i === gt) return gt;
    let quote = 0;
    for (; i < b.length; i++) {
      const c = b.charCodeAt(i);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3e) return i;
    }
    return -1;
  }

  /** Index just past the tag name starting at `from`. */
  private nameEnd(from: number, limit: number): number {
    const b = this.buf;
    let i = from;
    while (i < limit) {
      const c = b.charCodeAt(i);
      // white space, '/', '>'
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e) break;
      i++;
    }
    return i;
  }

  /** Outside the root element only white space may stand (XML 1.0 §2.1, `document`). */
  private onlySpaceBetween(from: number, to: number) {
    if (this.capture || this.open.length > 0) return;
    NOT_SPACE.lastIndex = from;
    const found = NOT_SPACE.exec(this.buf);
    if (found && found.index < to) {
      const where = this.rootClosed ? 'after the root element' : 'before the root element';
      throw this.error(found.index, '?', `text ${where}`);
    }
  }

  private scan(out: ScannedElement[]) {
    const b = this.buf;
    while (true) {
      const lt = b.indexOf('<', this.pos);
      if (lt === -1) {
        this.onlySpaceBetween(this.pos, b.length);
        this.pos = b.length;
        return;
      }
      this.onlySpaceBetween(this.pos, lt);
      if (lt + 1 >= b.length) {
        this.pos = lt;
        return;
      }
      const outside = !this.capture || this.capture.oversized;
      const c = b[lt + 1];
      if (c === '!' || c === '?') {
        const next = this.skipMarkup(lt);
        if (next === -1) {
          this.pos = lt;
          return;
        }
        if (outside && next - lt > this.limits.maxMarkupLength) throw this.markupTooLong(lt);
        this.pos = next;
        continue;
      }
      const gt = this.tagEnd(lt);
      if (gt === -1) {
        this.pos = lt;
        return;
      }
      if (outside && gt + 1 - lt > this.limits.maxMarkupLength) throw this.markupTooLong(lt);
      const closing = c === '/';
      const nameStart = closing ? lt + 2 : lt + 1;
      const end = this.nameEnd(nameStart, gt + 1);
      if (end === nameStart) throw this.error(lt, '?', 'a tag without a name');
      const selfClosing = !closing && b.charCodeAt(gt - 1) === 0x2f;
      this.pos = gt + 1;
      this.sawElement = true;

      const cap = this.capture;
      if (cap) {
        // Compared in place: most tags inside a pupil are not the pupil's, and slicing each costs.
        if (end - nameStart !== cap.name.length || !b.startsWith(cap.name, nameStart)) continue;
        if (closing) cap.depth--;
        else if (!selfClosing) cap.depth++;
        if (cap.depth === 0) {
          const length = gt + 1 - cap.start;
          out.push(
            cap.oversized || length > this.limits.maxElementLength
              ? { name: cap.name, origin: cap.origin, oversized: true }
              : { name: cap.name, xml: b.slice(cap.start, gt + 1), origin: cap.origin },
          );
          this.capture = null;
          this.rootClosed = this.open.length === 0;
        }
        continue;
      }
      const name = b.slice(nameStart, end);
      if (closing) {
        const top = this.open.at(-1);
        if (top !== name) {
          throw this.error(lt, name, top ? `</${name}> closes <${top}>` : `</${name}> has no start tag`);
        }
        this.open.pop();
        this.rootClosed = this.open.length === 0;
        continue;
      }
      if (this.rootClosed) {
        throw this.error(lt, name, `a second root element <${name}>: a file has one root element`);
      }
      if (this.names.has(name)) {
        if (selfClosing) {
          out.push({ name, xml: b.slice(lt, gt + 1), origin: this.position(lt) });
          this.rootClosed = this.open.length === 0;
        } else {
          this.capture = { name, start: lt, depth: 1, origin: this.position(lt), oversized: false };
        }
      } else if (!selfClosing) this.open.push(name);
      else this.rootClosed = this.open.length === 0;
    }
  }
}
