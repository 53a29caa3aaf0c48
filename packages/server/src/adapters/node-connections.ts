import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** How long and how many connections a Node server keeps; `startServer` and `reuse-pref serve` take these. */
export interface ConnectionLimits {
  /**
   * A connection must deliver a complete request head within this many ms of connecting, or of the end
   * of its previous response; a slow or partial head (slowloris) is closed then.
   */
  headersTimeoutMs: number;
  /**
   * A connection on which nothing arrives for this many ms while the server waits for it (no request
   * yet, between keep-alive requests, or a request body that stopped coming) is closed.
   */
  idleTimeoutMs: number;
  /** A request's head and body must have arrived within this many ms of the request starting. */
  requestTimeoutMs: number;
  /**
   * Open connections at most. At the cap a new connection closes the one that has waited longest
   * without a request in flight, or is itself closed when every open connection has one. Keep it well
   * under the process's open-file limit (`ulimit -n`), which the store's files and connections share.
   */
  maxConnections: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 10_000,
  idleTimeoutMs: 5_000,
  requestTimeoutMs: 60_000,
  maxConnections: 1_000,
};

interface Watch {
  /** When the connection started waiting for a request, or the request started. */
  since: number;
  /** socket.bytesRead when last seen to move, and when. */
  bytes: number;
  movedAt: number;
  request?: IncomingMessage;
}

export interface ConnectionGuard {
  /** Connections open now (waiting for a request, or with one in flight). */
  readonly open: number;
  /** Stops the sweep; the server's own close still ends the connections. */
  stop(): void;
}

/**
 * Bounds what idle, silent and slow clients can hold on a Node `http.Server`: every connection is
 * watched from the moment it is accepted (Node's own headersTimeout does not close a connection that
 * never sends a byte), a sweep closes those past a limit, and the connection count never exceeds
 * `maxConnections`, so thousands of silent sockets cannot exhaust file descriptors or shut out a health
 * check. Progress is read from `socket.bytesRead`, so watching costs no data listener.
 */
export function guardConnections(server: Server, limits: ConnectionLimits): ConnectionGuard {
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`);
  }
  // Insertion order is age: the first waiting connection is the one that has waited longest.
  const waiting = new Map<Socket, Watch>();
  const busy = new Map<Socket, Watch>();
  const watch = (socket: Socket, request?: IncomingMessage): Watch => {
    const now = performance.now();
    return { since: now, bytes: socket.bytesRead, movedAt: now, ...(request ? { request } : {}) };
  };
  const drop = (socket: Socket) => {
    waiting.delete(socket);
    busy.delete(socket);
    socket.destroy();
  };

  server.on('connection', (socket: Socket) => {
    if (waiting.size + busy.size >= limits.maxConnections) {
      const [oldest] = waiting.keys();
      if (oldest === undefined) {
        socket.destroy();
        return;
      }
      drop(oldest);
    }
    waiting.set(socket, watch(socket));
    socket.once('close', () => {
      waiting.delete(socket);
      busy.delete(socket);
    });
  });
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const socket = request.socket;
    if (socket.destroyed) return;
    waiting.delete(socket);
    busy.set(socket, watch(socket, request));
    response.once('close', () => {
      if (busy.get(socket)?.request !== request) return;
      busy.delete(socket);
      if (!socket.destroyed) waiting.set(socket, watch(socket));
    });
  });

  const sweep = () => {
    const now = performance.now();
    const stalled = (socket: Socket, w: Watch) => {
      if (socket.bytesRead !== w.bytes) {
        w.bytes = socket.bytesRead;
        w.movedAt = now;
      }
      return now - w.movedAt > limits.idleTimeoutMs;
    };
    for (const [socket, w] of waiting) {
      if (stalled(socket, w) || now - w.since > limits.headersTimeoutMs) drop(socket);
    }
    for (const [socket, w] of busy) {
      // Once the whole request has arrived the server is the slow one (a database wait), not the client.
      if (w.request?.complete) continue;
      if (stalled(socket, w) || now - w.since > limits.requestTimeoutMs) drop(socket);
    }
  };
  const every = Math.max(50, Math.min(1_000, Math.floor(limits.idleTimeoutMs / 4)));
  const timer = setInterval(sweep, every);
  timer.unref();
  server.once('close', () => clearInterval(timer));

  // Node's own bounds as well, for what its parser sees (an oversized head, a keep-alive gone quiet).
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = Math.max(limits.requestTimeoutMs, limits.headersTimeoutMs);
  server.keepAliveTimeout = Math.min(server.keepAliveTimeout, limits.idleTimeoutMs);

  return {
    get open() {
      return waiting.size + busy.size;
    },
    stop: () => clearInterval(timer),
  };
}
