import type { StoreSpec } from '@reuse-pref/server';
import { UsageError } from './command.js';

/** The store that --store sqlite|postgres, --db and --database-url (or DATABASE_URL) name. */
export function storeSpec(kind: string, path: string, databaseUrl: string | undefined): StoreSpec {
  if (kind === 'sqlite') return { kind, path };
  if (kind !== 'postgres') throw new UsageError('--store must be sqlite or postgres');
  if (!databaseUrl) throw new UsageError('--store postgres needs --database-url (or DATABASE_URL)');
  return { kind, databaseUrl };
}
