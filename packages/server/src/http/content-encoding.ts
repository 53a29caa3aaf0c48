import { ProblemError } from './problem.js';

/**
 * Bodies are taken as sent: no content coding. A gzip body read as if it were plain would fail as
 * `invalid-utf8` (or, worse, as JSON that happens to parse), which tells the sender nothing; RFC 9110
 * §15.5.16 says an unsupported content coding is 415, and RFC 7694 that the answer names the codings
 * accepted. Supporting gzip was the alternative, and was not taken: a few kilobytes can inflate to
 * gigabytes, and every body limit would then have to be enforced on the inflated stream as well.
 */
export function requireIdentityEncoding(header: string | undefined): void {
  if (header === undefined) return;
  const codings = header
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  if (codings.length === 0) return;
  throw new ProblemError('unsupported-media-type', {
    detail: `Content-Encoding ${codings.join(', ')} is not supported: send the body uncompressed.`,
    headers: { 'accept-encoding': 'identity' },
  });
}
