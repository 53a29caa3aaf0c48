import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/**
 * The lines of a file in arrays of up to `size`. One await per batch instead of one per line: at national
 * scale the per-line promise of readline's async iterator costs more than the gate itself. Reading pauses
 * while a few batches wait, so memory stays bounded however large the file.
 */
export async function* lineBatches(path: string, size = 4096): AsyncGenerator<string[]> {
  const input = createReadStream(path);
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const ready: string[][] = [];
  let batch: string[] = [];
  let done = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  lines.on('line', (line) => {
    batch.push(line);
    if (batch.length >= size) {
      ready.push(batch);
      batch = [];
      if (ready.length >= 4) lines.pause();
      signal();
    }
  });
  lines.on('close', () => {
    if (batch.length) ready.push(batch);
    done = true;
    signal();
  });
  input.on('error', (error) => {
    failure = error;
    done = true;
    signal();
  });
  try {
    for (;;) {
      const next = ready.shift();
      if (next) {
        if (ready.length < 2) lines.resume();
        yield next;
        continue;
      }
      if (failure) throw failure;
      if (done) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    lines.close();
    input.destroy();
  }
}
