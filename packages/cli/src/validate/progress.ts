const MIN_BYTES = 16 * 1024 * 1024;
const INTERVAL_MS = 200;

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/**
 * A one-line progress display on stderr, redrawn in place. Only for a person watching: it stays off
 * unless stderr is a terminal and CI is unset, and it waits until the input proves large.
 */
export class Progress {
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;

  private constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly total: number | undefined,
  ) {}

  static create(
    stream: NodeJS.WriteStream,
    env: NodeJS.ProcessEnv,
    total: number | undefined,
  ): Progress | undefined {
    if (!stream.isTTY || env.CI) return undefined;
    if (total !== undefined && total < MIN_BYTES) return undefined;
    return new Progress(stream, total);
  }

  update(bytesRead: number, records: number): void {
    const now = Date.now();
    if (now - this.lastDraw < INTERVAL_MS || bytesRead < MIN_BYTES) return;
    this.lastDraw = now;
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    const rate = Math.round(records / seconds).toLocaleString('en-GB');
    const of =
      this.total === undefined
        ? mib(bytesRead)
        : `${mib(bytesRead)} / ${mib(this.total)} (${Math.floor((100 * bytesRead) / this.total)}%)`;
    this.stream.write(`\r\x1b[2K${of}  ${records.toLocaleString('en-GB')} records  ${rate} records/s`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[2K');
  }
}
