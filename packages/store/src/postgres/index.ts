export { openPostgresStore, PostgresStatementStore, type PostgresStoreOptions } from './store.js';
