import { randomBytes } from 'node:crypto';
import { canonicalJson, type LedgerEntry, type SubjectCommitmentLeaf } from '@reuse-pref/schema';
import { sha256 } from '../log/hash.js';

/**
 * H(salt || canonical entry). The 32-byte random salt is what keeps a UPN out of reach: without it,
 * anyone could hash every plausible entry for a known pupil and find their leaf in the public log.
 */
export function ledgerCommitment(
  entry: LedgerEntry,
  saltHex: string,
  entryJson = canonicalJson(entry),
): string {
  if (!/^[0-9a-f]{64}$/.test(saltHex)) throw new TypeError('salt must be 32 bytes as lowercase hex');
  return sha256(Buffer.from(saltHex, 'hex'), Buffer.from(entryJson, 'utf8')).toString('hex');
}

// Salts come from one CSPRNG buffer refilled 2,048 salts at a time: a call per subject would cost more
// than the rest of committing the entry.
const POOL_SALTS = 2048;
let pool = Buffer.alloc(0);
let offset = 0;

export function newSalt(): string {
  if (offset >= pool.length) {
    pool = randomBytes(32 * POOL_SALTS);
    offset = 0;
  }
  const salt = pool.toString('hex', offset, offset + 32);
  offset += 32;
  return salt;
}

/** `entryJson`: the entry's canonical JSON when the caller has it already (recording keeps it too). */
export function commitmentLeaf(
  entry: LedgerEntry,
  saltHex: string,
  entryJson = canonicalJson(entry),
): SubjectCommitmentLeaf {
  return {
    type: 'subject',
    releaseId: entry.releaseId,
    commitment: ledgerCommitment(entry, saltHex, entryJson),
  };
}
