import { createHash } from 'node:crypto';
import { canonicalJson } from '@reuse-pref/schema';

/** SHA-256 of the canonical JSON, so two requests with the same content hash alike whatever their key order. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
