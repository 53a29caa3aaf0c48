/**
 * Feeds bytes to a push parser in chunks cut at the given offsets, through one reused scratch buffer that
 * is scribbled over after every push, as the file reader does: a parser that kept a reference to a chunk
 * instead of copying what it needs would see the scribbles.
 */
export function feedInChunks(
  bytes: Uint8Array,
  cuts: readonly number[],
  parser: { push(chunk: Uint8Array): void; end(): void },
): void {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const scratch = Buffer.alloc(bytes.length + 1);
  let previous = 0;
  for (const point of [...points, bytes.length]) {
    if (point <= previous && !(point === 0 && previous === 0)) continue;
    const length = point - previous;
    scratch.set(bytes.subarray(previous, point), 0);
    parser.push(scratch.subarray(0, length));
    scratch.fill(0x7b, 0, length);
    previous = point;
  }
  parser.end();
}
