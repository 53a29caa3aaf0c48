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
    const { openSqliteStore } = await import('@reuse-pref/store/sqlite').catch(
      missingDriver('better-sqlite3'),
    );
    return openSqliteStore({ path: spec.path });
  }
  const { openPostgresStore } = await import('@reuse-pref/store/postgres').catch(missingDriver('pg'));
  return openPostgresStore({
    connectionString: spec.databaseUrl,
    ...(spec.maxConnections ? { maxConnections: spec.maxConnections } : {}),
  });
}

/** The drivers are optional peers of @reuse-pref/store: say which one to install, not a module trace. */
export class MissingDriverError extends Error {}

function missingDriver(driver: 'better-sqlite3' | 'pg') {
  return (error: unknown): never => {
    const code = (error as { code?: string }).code;
    if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && String(error).includes(driver)) {
      const store = driver === 'pg' ? 'the PostgreSQL store' : 'the SQLite store';
      throw new MissingDriverError(`${store} needs the ${driver} package: npm install ${driver}`);
    }
    throw error;
  };
}
