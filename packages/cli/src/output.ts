import { once } from 'node:events';

const FLUSH_AT = 64 * 1024;

/**
 * Collects output text and writes it in large pieces, waiting for the stream to drain, so a slow reader
 * on the other end of a pipe slows the run down instead of growing memory.
 */
export class BufferedOutput {
  private parts: string[] = [];
  private length = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {}

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
    if (this.length === 0 || (!force && this.length < FLUSH_AT)) return;
    const text = this.parts.join('');
    this.parts = [];
    this.length = 0;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }
}
