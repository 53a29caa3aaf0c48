import { ProblemError } from './problem.js';

/**
 * Reads the whole body, failing with 413 as soon as it passes the limit (so a 10 MB body costs at most
 * `limit` bytes of memory), and decodes it as strict UTF-8: a lossy decode would let a malformed byte
 * sequence turn into U+FFFD and be stored as if the sender had meant it.
 */
export async function readBody(
  body: AsyncIterable<Uint8Array>,
  limit: number,
  tooLarge: 'payload-too-large' | 'batch-too-large' = 'payload-too-large',
): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > limit) {
      throw new ProblemError(tooLarge, { detail: `The limit is ${limit} bytes.`, limit });
    }
    chunks.push(chunk);
  }
  return decodeUtf8(Buffer.concat(chunks, size));
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new ProblemError('invalid-utf8');
  }
}
