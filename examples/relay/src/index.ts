export { type RelayOptions, type RunningRelay, startRelay } from './app.js';
export { heldStatements, uploadToReceiver, withHops } from './forward.js';
export { appRecordOperation, type RegisteredApp } from './operations.js';
export { type SyncReport, savedCursor, syncSchool } from './sync.js';
