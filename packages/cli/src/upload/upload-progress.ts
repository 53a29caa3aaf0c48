/**
 * One line on stderr, redrawn after each batch, for a person watching a long upload. Off unless stderr
 * is a terminal and CI is unset, so logs and pipes get only the summary.
 */
export class UploadProgress {
  private drawn = false;

  private constructor(private readonly stream: NodeJS.WriteStream) {}

  static create(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): UploadProgress | undefined {
    return stream.isTTY && !env.CI ? new UploadProgress(stream) : undefined;
  }

  batch(batches: number, records: number, notStored: number, bytesRead: number, size?: number): void {
    const of = size ? ` (${Math.min(100, Math.floor((100 * bytesRead) / size))}% of the input)` : '';
    this.stream.write(
      `\r\x1b[2Kbatch ${batches.toLocaleString('en-GB')}: ${records.toLocaleString('en-GB')} records answered, ` +
        `${notStored.toLocaleString('en-GB')} not stored${of}`,
    );
    this.drawn = true;
  }

  /** Before anything else is written to the terminal, so the line does not mix with it. */
  clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }
}
