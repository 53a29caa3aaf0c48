import type { CodeKeywordDefinition, KeywordErrorDefinition } from 'ajv';
import { _, str } from 'ajv/dist/2020.js';

/** Unicode code points in a string: what JSON Schema's minLength and maxLength count. */
function countCodePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    n++;
    const c = s.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return n;
}

const error: KeywordErrorDefinition = {
  message: ({ keyword, schemaCode }) =>
    str`must NOT have ${keyword === 'maxLength' ? 'more' : 'fewer'} than ${schemaCode} characters`,
  params: ({ schemaCode }) => _`{limit: ${schemaCode}}`,
};

/**
 * minLength and maxLength with their JSON Schema meaning (code points) but without counting when the
 * UTF-16 length already decides: a string has between length/2 and length code points. Ajv's own keyword
 * counts every string, and most statement fields are short ASCII, so this takes the cheap path.
 */
export const codePointLengthKeywords: CodeKeywordDefinition = {
  keyword: ['maxLength', 'minLength'],
  type: 'string',
  schemaType: 'number',
  error,
  code(cxt) {
    const { keyword, data, schema } = cxt;
    const count = cxt.gen.scopeValue('func', { ref: countCodePoints });
    if (keyword === 'maxLength') cxt.fail(_`${data}.length > ${schema} && ${count}(${data}) > ${schema}`);
    else
      cxt.fail(
        _`${data}.length < ${schema} || (${data}.length < ${2 * schema} && ${count}(${data}) < ${schema})`,
      );
  },
};
