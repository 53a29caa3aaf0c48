import { hash, randomBytes } from 'node:crypto';
import { canonicalJson, type LedgerEntry, type SubjectCommitmentLeaf } from '@reuse-pref/schema';

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
  return commitmentOfText(saltHex, entryJson);
}

/**
 * ledgerCommitment for a salt newSalt made (32 bytes as lowercase hex, so not checked again) and the
 * entry's canonical JSON: recording a release calls it once per subject.
 */
export function commitmentOfText(saltHex: string, entryJson: string): string {
  // Salt and entry written side by side into one reused buffer: no buffer per part, none to join them.
  // (At most 3 UTF-8 bytes per UTF-16 unit, so the text always fits and write says how much it took.)
  const room = 32 + 3 * entryJson.length;
  if (room > scratch.length) scratch = Buffer.allocUnsafe(Math.max(room, scratch.length * 2));
  scratch.write(saltHex, 0, 'hex');
  const size = 32 + scratch.write(entryJson, 32, 'utf8');
  return hash('sha256', scratch.subarray(0, size), 'hex');
}

let scratch = Buffer.allocUnsafe(4096);

// Salts come from one CSPRNG buffer refilled 2,048 salts at a time: a call per subject would cost more
// than the rest of committing the entry.
const POOL_SALTS = 2048;
// The pool is turned into hex once per refill, and each salt is a slice of that text: one conversion
// per 2,048 salts instead of one each.
let pool = '';
let offset = 0;

export function newSalt(): string {
  if (offset >= pool.length) {
    pool = randomBytes(32 * POOL_SALTS).toString('hex');
    offset = 0;
  }
  const salt = pool.slice(offset, offset + 64);
  offset += 64;
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

/**
 * The canonical JSON of a release's commitment leaves, from a template made once per release: the text is
 * exactly `canonicalJson(commitmentLeaf(...))`, with only the commitment (64 hex digits) filled in.
 */
export function commitmentLeafText(releaseId: string): (commitment: string) => string {
  const marker = '0'.repeat(64);
  const text = canonicalJson({
    type: 'subject',
    releaseId,
    commitment: marker,
  } satisfies SubjectCommitmentLeaf);
  const at = text.indexOf(`"${marker}"`) + 1;
  const before = text.slice(0, at);
  const after = text.slice(at + marker.length);
  return (commitment) => before + commitment + after;
}
