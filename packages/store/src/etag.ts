import { randomBytes } from 'node:crypto';

// The random part keeps an ETag from an earlier life of the store (a restored backup, a recreated
// database) from matching a new state that happens to reach the same version number.
export function newEtag(version: number): string {
  return `"${version}.${randomBytes(4).toString('hex')}"`;
}
