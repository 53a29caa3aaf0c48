import type { StatementStore } from '@reuse-pref/store';

/** Which store to open, as `reuse-pref serve --store sqlite|postgres` names it. */
export type StoreSpec =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; databaseUrl: string; maxConnections?: number };

/**
 * Opens the store a spec names. Each implementation is imported only when asked for, so an embedded
 * deployment never loads `pg` and a PostgreSQL one never loads the native SQLite module.
 */
export async function openStore(spec: StoreSpec): Promise<StatementStore> {
  if (spec.kind === 'sqlite') {
    const { openSqliteStore } = await import('@reuse-pref/store/sqlite');
    return openSqliteStore({ path: spec.path });
  }
  const { openPostgresStore } = await import('@reuse-pref/store/postgres');
  return openPostgresStore({
    connectionString: spec.databaseUrl,
    ...(spec.maxConnections ? { maxConnections: spec.maxConnections } : {}),
  });
}
