import { describe, expect, it } from 'vitest';
import { requireContentType } from '../../src/http/content-type.js';

const accepted = ['application/json'];
describe('requireContentType', () => {
  it.each([
    ['application/json', true],
    ['Application/JSON', true],
    ['application/json; charset=utf-8', true],
    ['application/json;charset="UTF-8"', true],
    ['application/json; charset=latin1', false],
    ['application/jsonx', false],
    ['text/json', false],
    ['', false],
    [undefined, false],
  ])('%s accepted: %s', (header, ok) => {
    const run = () => requireContentType(header, accepted);
    if (ok) expect(run()).toBe('application/json');
    else expect(run).toThrow(/UTF-8/);
  });
});
