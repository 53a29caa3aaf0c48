import { XmlCarriageError } from './error.js';
import { FILE_START, type Origin } from './locate.js';

/** One element cut out of the file, whole, with the file position of its `<`. */
export type CapturedElement = { name: string; xml: string; origin: Origin };

/**
 * A push scanner that cuts chosen elements (a CTF `<Pupil>`, a census `<PupilOnRoll>`, the `<Header>`)
 * out of a file arriving in chunks of any size, so a census file of 1,500 pupils never sits whole in
 * memory: only the pupil being read does. It knows just enough XML to do that safely: comments, CDATA,
 * processing instructions and quoted attribute values can hold a `<Pupil>` look-alike that is not one.
 * Elements outside the captured ones are only checked for balanced tags.
 */
export class ElementScanner {
  private buf = '';
  private pos = 0;
  // A known file position of one buffer index; moved forward only, so counting lines costs O(file).
  private cursorIndex = 0;
  private cursor: Origin = { ...FILE_START };
  private readonly open: string[] = [];
  private capture: { name: string; start: number; depth: number } | null = null;
  private first = true;
  private sawElement = false;

  constructor(private readonly names: ReadonlySet<string>) {}

  push(chunk: string): CapturedElement[] {
    if (this.first && chunk.length) {
      this.first = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    this.buf += chunk;
    const out: CapturedElement[] = [];
    this.scan(out);
    this.compact();
    return out;
  }

  /** Call once the input is exhausted: a file cut off mid-element is an error, not a shorter file. */
  end(): void {
    if (this.capture) {
      throw this.error(this.capture.start, this.capture.name, `the file ends inside <${this.capture.name}>`);
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

  private compact() {
    const keep = this.capture ? this.capture.start : this.pos;
    // Dropping only once at least half the buffer is spent keeps the copying linear in the file size.
    if (keep === 0 || keep < this.buf.length / 2) return;
    this.position(keep);
    this.buf = this.buf.slice(keep);
    this.pos -= keep;
    this.cursorIndex -= keep;
    if (this.capture) this.capture.start -= keep;
  }

  /** Index just past the end of the markup starting at `lt`, or -1 when more input is needed. */
  private skipMarkup(lt: number): number {
    const b = this.buf;
    const skipTo = (close: string, from: number) => {
      const end = b.indexOf(close, from);
      return end === -1 ? -1 : end + close.length;
    };
    if (b[lt + 1] === '?') return skipTo('?>', lt + 2);
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

  private scan(out: CapturedElement[]) {
    const b = this.buf;
    while (true) {
      const lt = b.indexOf('<', this.pos);
      if (lt === -1) {
        this.pos = b.length;
        return;
      }
      if (lt + 1 >= b.length) {
        this.pos = lt;
        return;
      }
      const c = b[lt + 1];
      if (c === '!' || c === '?') {
        const next = this.skipMarkup(lt);
        if (next === -1) {
          this.pos = lt;
          return;
        }
        this.pos = next;
        continue;
      }
      const gt = this.tagEnd(lt);
      if (gt === -1) {
        this.pos = lt;
        return;
      }
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
          out.push({ name: cap.name, xml: b.slice(cap.start, gt + 1), origin: this.position(cap.start) });
          this.capture = null;
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
      } else if (this.names.has(name)) {
        if (selfClosing) out.push({ name, xml: b.slice(lt, gt + 1), origin: this.position(lt) });
        else this.capture = { name, start: lt, depth: 1 };
      } else if (!selfClosing) this.open.push(name);
    }
  }
}
