import type { JsonSchema } from '../contract/document.js';
import type { PublishedSchemas } from '../contract/published-schemas.js';

/**
 * A parameter travels as text (in the path, the query or a header), so whether a value is valid is
 * decided on the text: an integer parameter's text must read as an integer, a boolean's as true or false,
 * and only then does the schema judge the value.
 */
export function wireValue(schema: JsonSchema, text: string): unknown {
  const type = typeof schema === 'object' ? schema.type : undefined;
  // An array parameter is comma-separated (style form, explode false: the only kind the contract has),
  // each item read as its own schema says.
  if (type === 'array') {
    const items = typeof schema === 'object' ? (schema.items as JsonSchema | undefined) : undefined;
    return text.split(',').map((item) => (items === undefined ? item : wireValue(items, item)));
  }
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text))
    return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

export function wireValid(schemas: PublishedSchemas, schema: JsonSchema, text: string): boolean {
  return schemas.validator(schema)(wireValue(schema, text)).length === 0;
}

/** A value as parameter text: strings as they are, arrays comma-separated, anything else as JSON writes it. */
export const asText = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : Array.isArray(value)
      ? value.map(asText).join(',')
      : (JSON.stringify(value) ?? '');

/**
 * Whether fetch can carry the text as a header value at all (RFC 9110 field values: no CR, LF or NUL, no
 * character outside Latin-1; no space at either end, which HTTP drops), and whether it means anything
 * other than leaving the header out: an empty value does not (for a list header such as If-None-Match it
 * is the empty list, RFC 9110 section 5.6.1, and intermediaries may drop it), so it is never sent as a
 * broken value.
 */
export const sendableHeader = (text: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters a header value cannot hold
  text !== '' && !/[\r\n\0]|[^\x00-\xff]/.test(text) && text === text.trim();
