import type { CodeKeywordDefinition, KeywordErrorDefinition } from 'ajv';
import { _, str } from 'ajv/dist/2020.js';
import { countCodePoints } from './code-points.js';

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
