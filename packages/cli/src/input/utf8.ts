import { isUtf8 } from 'node:buffer';

/**
 * The bytes as text, or undefined when they are not UTF-8. Decoding lossily (U+FFFD for each bad byte)
 * would turn bytes the intake refuses (`invalid-utf8`) into a statement that looks valid here.
 */
export function strictUtf8(buf: Buffer, start: number, end: number): string | undefined {
  const bytes = buf.subarray(start, end);
  return isUtf8(bytes) ? bytes.toString('utf8') : undefined;
}
