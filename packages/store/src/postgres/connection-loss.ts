/**
 * Whether an error means the connection to PostgreSQL is gone (or never came), rather than that the
 * statement was wrong: the server shutting down or restarting (SQLSTATE class 08, 57P01-57P03), the
 * socket refused, reset or timed out, or pg reporting that the connection ended. Work that failed this
 * way before its COMMIT was sent did not commit, and may run again on a new connection.
 */
export function isConnectionLoss(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (code.startsWith('08') || SERVER_GOING_AWAY.has(code) || SOCKET.has(code)) return true;
  }
  return typeof message === 'string' && LOST.some((text) => message.includes(text));
}

// admin_shutdown (a restart's fast shutdown), crash_shutdown, cannot_connect_now (starting up or in
// recovery), and too_many_connections while old backends are still going away.
const SERVER_GOING_AWAY = new Set(['57P01', '57P02', '57P03', '53300']);
const SOCKET = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
// pg's own messages for a connection that ended or could not be made in time.
const LOST = [
  'Connection terminated',
  'connection error and is not queryable',
  'timeout exceeded when trying to connect',
  'Client was closed and is not queryable',
];
