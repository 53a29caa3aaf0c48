// No network: every outbound connection, DNS lookup and fetch throws, and is written down, so a test can
// show a tool read the contract offline (it never tried) rather than merely survived being refused.
// Loaded in-process with blockNetwork(), or in a child process with `--import tsx --import <this file>`
// and OFFLINE_LOG set (each attempt appended to that file).
import dns from 'node:dns';
import { appendFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

export interface Offline {
  /** What was attempted, e.g. `fetch https://schemas.reuse-pref.org/v1/statement.schema.json`. */
  attempts: string[];
  restore(): void;
}

export function blockNetwork(log?: string): Offline {
  const attempts: string[] = [];
  const refuse = (what: string): never => {
    attempts.push(what);
    if (log) appendFileSync(log, `${what}\n`);
    throw new Error(`offline: ${what}`);
  };
  const originals = [
    [net.Socket.prototype, 'connect'],
    [net, 'connect'],
    [net, 'createConnection'],
    [tls, 'connect'],
    [http, 'request'],
    [http, 'get'],
    [https, 'request'],
    [https, 'get'],
    [dns, 'lookup'],
    [dns.promises, 'lookup'],
    [globalThis, 'fetch'],
  ].map(([target, name]) => {
    const holder = target as Record<string, unknown>;
    const original = holder[name as string];
    holder[name as string] = (...args: unknown[]) =>
      refuse(
        `${String(name)} ${JSON.stringify(args[0] instanceof URL ? args[0].href : args[0])?.slice(0, 200)}`,
      );
    return () => {
      holder[name as string] = original;
    };
  });
  return {
    attempts,
    restore: () => {
      for (const undo of originals) undo();
    },
  };
}

if (process.env.OFFLINE_LOG) blockNetwork(process.env.OFFLINE_LOG);
