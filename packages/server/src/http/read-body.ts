import { createHash } from 'node:crypto';
import { ProblemError } from './problem.js';

export interface BodyText {
  text: string;
  /** With `hashPrefix`: SHA-256 (hex) of the prefix followed by the text as UTF-8, made while reading. */
  sha256?: string;
}

/**
 * Reads the whole body, failing with 413 as soon as it passes the limit (so a 10 MB body costs at most
 * `limit` bytes of memory), and decodes it as strict UTF-8: a lossy decode would let a malformed byte
 * sequence turn into U+FFFD and be stored as if the sender had meant it. Decoding (and hashing, for an
 * Idempotency-Key) is done chunk by chunk as the bytes arrive, so an 8 MB batch never holds the event
 * loop for one long decode. A client that goes away mid-body is a bad request, not a server error.
 */
export async function readBody(
  body: AsyncIterable<Uint8Array>,
  limit: number,
  tooLarge: 'payload-too-large' | 'batch-too-large' = 'payload-too-large',
  hashPrefix?: string,
): Promise<BodyText> {
  // One decoder per body: in stream mode it holds a code point split across chunks until the next one.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const hash = hashPrefix === undefined ? undefined : createHash('sha256').update(hashPrefix);
  const pieces: string[] = [];
  let size = 0;
  const take = (piece: string) => {
    pieces.push(piece);
    // The UTF-8 of the pieces is the UTF-8 of the text: the decoder never splits a code point.
    hash?.update(piece, 'utf8');
  };
  try {
    for await (const chunk of body) {
      size += chunk.byteLength;
      if (size > limit) {
        throw new ProblemError(tooLarge, { detail: `The limit is ${limit} bytes.`, limit });
      }
      take(decode(decoder, chunk, true));
    }
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    // The stream failed under us: the client aborted or the connection broke before the body ended.
    throw new ProblemError('bad-request', {
      detail: 'The connection closed before the whole body arrived.',
    });
  }
  take(decode(decoder, new Uint8Array(0), false));
  const text = pieces.join('');
  return hash ? { text, sha256: hash.digest('hex') } : { text };
}

function decode(decoder: TextDecoder, bytes: Uint8Array, stream: boolean): string {
  try {
    return decoder.decode(bytes, { stream });
  } catch {
    throw new ProblemError('invalid-utf8');
  }
}
