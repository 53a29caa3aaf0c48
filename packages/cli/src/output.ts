import { once } from 'node:events';

const FLUSH_AT = 64 * 1024;

/** Whoever read our output has gone (`reuse-pref validate big.ndjson | head`): there is no point going on. */
export class OutputClosedError extends Error {}

/** The status a shell reports for a process ended by SIGPIPE, which is what a closed pipe means. */
export const CLOSED_PIPE_STATUS = 141;

/**
 * Collects output text and writes it in large pieces, waiting for the stream to drain, so a slow reader
 * on the other end of a pipe slows the run down instead of growing memory.
 */
export class BufferedOutput {
  private parts: string[] = [];
  private length = 0;
  private failure: Error | undefined;

  constructor(private readonly stream: NodeJS.WritableStream) {
    stream.on('error', (err: Error) => {
      this.failure = err;
    });
  }

  get pending(): boolean {
    return this.length > 0;
  }

  append(text: string): void {
    if (text.length === 0) return;
    this.parts.push(text);
    this.length += text.length;
  }

  /** Writes once enough has collected (or always, with force) and resolves when the stream has room. */
  async flush(force = false): Promise<void> {
    this.throwIfFailed();
    if (this.length === 0 || (!force && this.length < FLUSH_AT)) return;
    const text = this.parts.join('');
    this.parts = [];
    this.length = 0;
    try {
      if (!this.stream.write(text)) await once(this.stream, 'drain');
    } catch (err) {
      this.failure = err as Error;
    }
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (!this.failure) return;
    if ((this.failure as NodeJS.ErrnoException).code === 'EPIPE')
      throw new OutputClosedError('output closed');
    throw this.failure;
  }
}
