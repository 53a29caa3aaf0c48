import type { ServerResponse } from './types.js';

export function json(status: number, value: unknown, headers: Record<string, string> = {}): ServerResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(value),
  };
}

export function empty(status: number, headers: Record<string, string> = {}): ServerResponse {
  return { status, headers };
}
