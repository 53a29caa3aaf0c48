import { describe, expect, it } from 'vitest';
import { UploadProgress } from '../src/upload/upload-progress.js';

/** A stand-in for stderr that records what is written; `isTTY` says whether a person is watching. */
function terminal(isTTY: boolean): NodeJS.WriteStream & { written: string[] } {
  const written: string[] = [];
  return {
    isTTY,
    written,
    write: (chunk: string) => written.push(chunk) > 0,
  } as unknown as NodeJS.WriteStream & {
    written: string[];
  };
}

describe('reuse-pref upload progress line', () => {
  it('is drawn only at a terminal, and never in CI, so logs and pipes get the summary alone', () => {
    expect(UploadProgress.create(terminal(true), {})).toBeInstanceOf(UploadProgress);
    expect(UploadProgress.create(terminal(false), {})).toBeUndefined();
    expect(UploadProgress.create(terminal(true), { CI: 'true' })).toBeUndefined();
  });

  it('redraws one line per batch: batches, records answered, not stored, and how far through the input', () => {
    const stream = terminal(true);
    const progress = UploadProgress.create(stream, {})!;
    progress.batch(1, 500, 0, 25_000, 100_000);
    progress.batch(12, 6000, 3, 100_000, 100_000);
    expect(stream.written).toEqual([
      '\r\x1b[2Kbatch 1: 500 records answered, 0 not stored (25% of the input)',
      '\r\x1b[2Kbatch 12: 6,000 records answered, 3 not stored (100% of the input)',
    ]);
  });

  it('gives no percentage when the size is unknown (stdin), and never says more than 100%', () => {
    const stream = terminal(true);
    const progress = UploadProgress.create(stream, {})!;
    progress.batch(2, 1000, 1, 5000);
    progress.batch(3, 1500, 1, 7000, 6000);
    expect(stream.written).toEqual([
      '\r\x1b[2Kbatch 2: 1,000 records answered, 1 not stored',
      '\r\x1b[2Kbatch 3: 1,500 records answered, 1 not stored (100% of the input)',
    ]);
  });

  it('clears its line before other output, and only when one is drawn', () => {
    const stream = terminal(true);
    const progress = UploadProgress.create(stream, {})!;
    progress.clear();
    expect(stream.written).toEqual([]);
    progress.batch(1, 10, 0, 10, 10);
    progress.clear();
    progress.clear();
    expect(stream.written.slice(1)).toEqual(['\r\x1b[2K']);
  });
});
