export { openSqliteStore, SqliteStatementStore, type SqliteStoreOptions } from './store.js';
