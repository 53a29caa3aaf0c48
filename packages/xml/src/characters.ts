import { XmlCarriageError } from './error.js';
import { NOT_XML_CHAR } from './escape.js';
import { locate, type Origin } from './locate.js';

// XML 1.0 Char production, for character references (§2.2, §4.1 "well-formedness constraint: Legal
// Character"): &#0; or &#xD800; names no character, and a reader that drops or keeps it silently turns a
// broken file into a different statement.
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

// The only entities a carried file may use: the five XML predefines. A DOCTYPE declaring others is refused
// by the scanner, so any other name (`&nbsp;` from HTML habits) is undefined and the file is not XML.
const PREDEFINED = new Set(['lt', 'gt', 'amp', 'quot', 'apos']);
const REFERENCE = /&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|([A-Za-z_:][\w.:-]*))?;?/y;
const SPECIAL = /[<&]/g;

/**
 * Checks what a general XML parser lets through in one element read whole: raw characters XML cannot
 * hold, character references to non-characters, undefined entity references, and text nodes or
 * attribute values longer than `maxTextLength`. The element's structure has been validated already.
 * Throws an XmlCarriageError located in the file and naming the innermost element at fault.
 */
export function checkCharacters(xml: string, origin: Origin, maxTextLength: number): void {
  const bad = NOT_XML_CHAR.exec(xml);
  const badAt = bad ? bad.index : Number.POSITIVE_INFINITY;
  const open: string[] = [];
  const fail = (index: number, message: string): never => {
    throw new XmlCarriageError({ ...locate(xml, index, origin), element: open.at(-1) ?? '?', message });
  };
  const passTo = (end: number) => {
    if (badAt < end) fail(badAt, `a character XML cannot hold (U+${codeOf(bad![0])})`);
  };

  let i = 0;
  let textStart = 0;
  for (;;) {
    SPECIAL.lastIndex = i;
    const found = SPECIAL.exec(xml);
    const at = found ? found.index : xml.length;
    passTo(at);
    if (!found) return;
    if (xml.charCodeAt(at) === 0x26) {
      i = reference(xml, at, fail);
      continue;
    }
    if (at - textStart > maxTextLength) fail(textStart, textTooLong(maxTextLength));
    if (xml.startsWith('<!--', at)) {
      i = past(xml, '-->', at);
      textStart = i;
    } else if (xml.startsWith('<![CDATA[', at)) {
      // CDATA is text: it counts toward the node it sits in, and holds no references.
      i = past(xml, ']]>', at);
    } else if (xml.startsWith('<?', at)) {
      i = past(xml, '?>', at);
      textStart = i;
    } else if (xml.charCodeAt(at + 1) === 0x2f) {
      i = xml.indexOf('>', at) + 1;
      open.pop();
      textStart = i;
    } else {
      const end = startTag(xml, at, open, maxTextLength, fail, passTo);
      i = end + 1;
      textStart = i;
    }
    passTo(i);
  }
}

/** Index past the reference at `amp`; fails unless it is a predefined entity or a legal character. */
function reference(xml: string, amp: number, fail: (index: number, message: string) => never): number {
  REFERENCE.lastIndex = amp;
  const m = REFERENCE.exec(xml)!;
  const text = m[0];
  if (!text.endsWith(';') || text.length < 3) fail(amp, "a '&' that starts no reference (write &amp;)");
  const [, hex, dec, name] = m;
  if (name !== undefined) {
    if (!PREDEFINED.has(name)) fail(amp, `the entity reference ${text} is not defined in XML`);
  } else {
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number.parseInt(dec!, 10);
    if (!isXmlChar(code)) fail(amp, `the character reference ${text} names no XML character`);
  }
  return amp + text.length;
}

/** Index of the start tag's `>`; checks each attribute value and opens the element unless self-closing. */
function startTag(
  xml: string,
  lt: number,
  open: string[],
  maxTextLength: number,
  fail: (index: number, message: string) => never,
  passTo: (end: number) => void,
): number {
  let i = lt + 1;
  while (i < xml.length && !/[\s/>]/.test(xml[i]!)) i++;
  open.push(xml.slice(lt + 1, i));
  for (;;) {
    const c = xml.charCodeAt(i);
    if (c === 0x3e) break;
    if (c === 0x22 || c === 0x27) {
      const close = xml.indexOf(xml[i]!, i + 1);
      passTo(close);
      if (close - i - 1 > maxTextLength) fail(i, textTooLong(maxTextLength));
      for (let amp = xml.indexOf('&', i); amp !== -1 && amp < close; amp = xml.indexOf('&', amp + 1)) {
        reference(xml, amp, fail);
      }
      i = close + 1;
    } else i++;
  }
  if (xml.charCodeAt(i - 1) === 0x2f) open.pop();
  return i;
}

function past(xml: string, close: string, from: number): number {
  const end = xml.indexOf(close, from);
  return end === -1 ? xml.length : end + close.length;
}

function codeOf(char: string): string {
  return char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
}

function textTooLong(max: number): string {
  return `a text or attribute value longer than ${max} characters (the reader's maxTextLength)`;
}
