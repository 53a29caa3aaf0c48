import { describe, expect, it } from 'vitest';
import { requestHash, requestHashPrefix } from '../../src/http/idempotency.js';
import type { ProblemError } from '../../src/http/problem.js';
import { readBody } from '../../src/http/read-body.js';

async function* chunks(...parts: number[][]): AsyncIterable<Uint8Array> {
  for (const part of parts) yield Uint8Array.from(part);
}

const outcome = async (limit: number, ...parts: number[][]) => {
  try {
    return (await readBody(chunks(...parts), limit)).text;
  } catch (error) {
    return (error as ProblemError).type;
  }
};

describe('readBody', () => {
  it.each([
    [10, [[0x7b, 0x7d]], '{}'],
    [10, [[0xe2, 0x82], [0xac]], '€'],
    [
      3,
      [
        [0x61, 0x62],
        [0x63, 0x64],
      ],
      'payload-too-large',
    ],
    [10, [[0xc3, 0x28]], 'invalid-utf8'],
    [10, [[0xed, 0xa0, 0x80]], 'invalid-utf8'],
    [10, [[0xef, 0xbb, 0xbf, 0x7b, 0x7d]], '{}'],
  ])('limit %i, bytes %j gives %j', async (limit, parts, want) => {
    expect(await outcome(limit, ...parts)).toBe(want);
  });
});

describe('readBody hashing and failures', () => {
  it.each([
    [[[0x7b, 0x7d]]],
    [[[0xe2, 0x82], [0xac], [0x61]]],
    [
      [
        [0xef, 0xbb],
        [0xbf, 0x7b, 0x7d],
      ],
    ],
    [[[0xf0, 0x9f], [0x98], [0x80, 0x0a]]],
  ])('hashes bytes %j as requestHash hashes the decoded text', async (parts) => {
    const read = await readBody(chunks(...parts), 100, 'payload-too-large', requestHashPrefix('POST', '/x'));
    expect(read.sha256).toBe(requestHash('POST', '/x', read.text));
  });

  it('turns a body stream that breaks (the client went away) into a 400, not a 500', async () => {
    async function* aborted(): AsyncIterable<Uint8Array> {
      yield Uint8Array.from([0x7b]);
      throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
    }
    await expect(readBody(aborted(), 100)).rejects.toMatchObject({ type: 'bad-request' });
  });
});
