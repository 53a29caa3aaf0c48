import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/**
 * The lines of a log file as the bytes that were hashed. A blank line is not a leaf the writer could
 * have produced, so it is an error rather than something to skip (skipping would let an attacker pad).
 */
export async function* readLogLines(path: string): AsyncGenerator<Buffer> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const line of lines) {
    n += 1;
    if (line.length === 0) throw new LogFormatError(`${path}: line ${n} is empty`);
    yield Buffer.from(line, 'utf8');
  }
}

export class LogFormatError extends Error {
  override name = 'LogFormatError';
}
