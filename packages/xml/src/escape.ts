// XML 1.0 (Char production) admits tab, LF, CR and everything from U+0020 except surrogates and
// U+FFFE/U+FFFF. Anything else cannot be carried at all, not even as a character reference.
export const NOT_XML_CHAR =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters being excluded
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The first character XML 1.0 cannot carry, or undefined. */
export function firstNonXmlChar(text: string): string | undefined {
  return NOT_XML_CHAR.exec(text)?.[0];
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A raw CR would be folded into LF by every conforming parser's end-of-line handling.
  '\r': '&#13;',
};

export function escapeText(text: string): string {
  return text.replace(/[&<>"'\r]/g, (c) => ESCAPES[c]!);
}

/**
 * Text XML 1.0 cannot hold (a NUL in grounds is valid JSON) travels as a JSON string literal in an element
 * marked `Encoding="json"`: JSON.stringify escapes controls and lone surrogates, and U+FFFE/U+FFFF are
 * escaped here, so the literal is plain XML text that reads back to the very same string.
 */
export function jsonLiteral(text: string): string {
  return JSON.stringify(text).replace(/[\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}
