/**
 * One structured line per request. Deliberately no body, query string, token or pupil identifier: the
 * route template (e.g. /schools/{urn}/pupils/{pupil}) is logged, never the concrete path.
 */
export interface RequestLogLine {
  time: string;
  level: 'info' | 'warn' | 'error';
  msg: 'request';
  requestId: string;
  method: string;
  route: string;
  status: number;
  durationMs: number;
  client?: string;
  problem?: string;
  /** The error class name of a 500, never its message (which may quote data). */
  error?: string;
}

export type RequestLogger = (line: RequestLogLine) => void;

export const jsonLineLogger =
  (write: (text: string) => void = (text) => process.stdout.write(text)): RequestLogger =>
  (line) =>
    write(`${JSON.stringify(line)}\n`);

export const silentLogger: RequestLogger = () => {};
