import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SignedTreeHead } from '@reuse-pref/schema';

/**
 * Where the distributor keeps the last tree head it signed: outside the store the head commits to, so
 * that someone who can rewrite the database (its owner) cannot also rewrite what the server remembers
 * having signed. Before signing a new head the server checks the log extends this one.
 */
export interface SignedHeadKeeper {
  /** The last head signed, or undefined when none was ever kept here. */
  read(): Promise<SignedTreeHead | undefined>;
  /** Keeps `head` durably before it is handed to anyone. */
  write(head: SignedTreeHead): Promise<void>;
  /** Where, for messages. */
  readonly where: string;
}

/**
 * A JSON file, replaced atomically (written beside it, flushed, renamed over it), so a crash leaves the
 * old head or the new one, never half of either.
 */
export function signedHeadFile(path: string): SignedHeadKeeper {
  return {
    where: path,
    async read() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      return JSON.parse(text) as SignedTreeHead;
    },
    async write(head) {
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
      const file = await open(temporary, 'w', 0o644);
      try {
        await file.writeFile(`${JSON.stringify(head)}\n`);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, path);
    },
  };
}

/** Kept in memory only: a restart forgets it, so a rewrite between restarts goes unnoticed (development). */
export function signedHeadInMemory(): SignedHeadKeeper {
  let kept: SignedTreeHead | undefined;
  return {
    where: 'memory',
    read: async () => kept,
    write: async (head) => {
      kept = head;
    },
  };
}
