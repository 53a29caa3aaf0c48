import { ProblemError } from './problem.js';

/**
 * Accepts exactly the listed media types, with no charset or charset=utf-8 (RFC 8259 JSON is UTF-8 only;
 * a sender claiming another charset would be decoded wrongly, so it gets 415 rather than a guess).
 */
export function requireContentType(header: string | undefined, accepted: readonly string[]): string {
  const [rawType = '', ...params] = (header ?? '').split(';');
  const type = rawType.trim().toLowerCase();
  const charset = params
    .map((p) => p.trim().toLowerCase())
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/^"|"$/g, '');
  if (!accepted.includes(type) || (charset !== undefined && charset !== 'utf-8')) {
    throw new ProblemError('unsupported-media-type', {
      detail: `Send ${accepted.join(' or ')} encoded as UTF-8.`,
      accepted,
    });
  }
  return type;
}
