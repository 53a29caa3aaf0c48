import type { Role } from '@reuse-pref/server';
import { type Exchange, type HttpMutation, newKey, type Reply } from './proxy.js';

export interface HttpMutant {
  name: string;
  /** The reference role it wraps. */
  role: Role;
  mutation: HttpMutation;
}

const json = (reply: Reply) => JSON.parse(reply.body) as Record<string, unknown>;
const withBody = (reply: Reply, body: unknown): Reply => ({ ...reply, body: JSON.stringify(body) });

/** The change feed's cursor -> storedAt of the entry it points after, as a timestamp-only cursor would keep. */
const cursorTimes = new Map<string, string>();

export function httpMutants(mainToken: () => string): HttpMutant[] {
  /** Any request that carries a token is served as if it carried the main school's own. */
  const withMainToken = (ex: Exchange) => {
    if (!ex.headers.has('authorization')) return ex;
    const headers = new Headers(ex.headers);
    headers.set('authorization', `Bearer ${mainToken()}`);
    return { ...ex, headers };
  };
  return [
    {
      name: 'ignores-if-match',
      role: 'producer',
      mutation: {
        // Swaps whatever If-Match came in for the current ETag: every write "matches".
        async request(ex, upstream) {
          const m = /^\/schools\/([^/]+)\/pupils\/([^/]+)\/statements$/.exec(ex.path);
          if (ex.method !== 'POST' || !m) return ex;
          const current = await upstream({
            ...ex,
            method: 'GET',
            path: `/schools/${m[1]}/pupils/${m[2]}/preferences`,
            body: '',
          });
          const headers = new Headers(ex.headers);
          const etag = current.headers.get('etag');
          if (etag) headers.set('if-match', etag);
          else headers.delete('if-match');
          return { ...ex, headers };
        },
      },
    },
    {
      name: 'ignores-idempotency-key',
      role: 'producer',
      mutation: {
        request(ex) {
          if (!ex.headers.has('idempotency-key')) return ex;
          const headers = new Headers(ex.headers);
          headers.set('idempotency-key', newKey());
          return { ...ex, headers };
        },
      },
    },
    {
      name: 'leaks-across-schools',
      role: 'receiver',
      mutation: {
        // Whoever asks is served as if they held the main school's token.
        request: withMainToken,
      },
    },
    {
      name: 'no-authentication',
      role: 'producer',
      mutation: {
        request(ex) {
          const headers = new Headers(ex.headers);
          headers.set('authorization', `Bearer ${mainToken()}`);
          return { ...ex, headers };
        },
      },
    },
    {
      name: '500-on-bad-input',
      role: 'producer',
      mutation: {
        response: (reply) =>
          reply.status === 400
            ? {
                status: 500,
                headers: new Headers({ 'content-type': 'text/plain' }),
                body: 'TypeError: Cannot read properties of undefined',
              }
            : reply,
      },
    },
    {
      name: 'change-feed-skips-equal-timestamps',
      role: 'receiver',
      mutation: {
        // Pages on storedAt alone: after a cursor, entries stored in the same instant are lost.
        response(reply, ex) {
          const url = new URL(ex.path, 'http://x');
          if (!/\/changes$/.test(url.pathname) || reply.status !== 200) return reply;
          const body = json(reply) as { changes: { cursor: string; storedAt: string }[] };
          const after = cursorTimes.get(url.searchParams.get('cursor') ?? '');
          const changes = after ? body.changes.filter((c) => c.storedAt !== after) : body.changes;
          for (const c of body.changes) cursorTimes.set(c.cursor, c.storedAt);
          return withBody(reply, { ...body, changes });
        },
      },
    },
    {
      name: 'batch-not-atomic',
      role: 'receiver',
      mutation: {
        // A rejected batch still stores its good lines, one by one.
        async response(reply, ex, upstream) {
          if (ex.path !== '/intake/batches' || reply.status !== 422) return reply;
          // A refused Idempotency-Key is a plain 422 problem: no batch was read, nothing to store.
          const batch = json(reply).batch as { outcomes: { line: number; outcome: string }[] } | undefined;
          if (!batch) return reply;
          const outcomes = batch.outcomes;
          const lines = ex.body.split('\n');
          for (const o of outcomes.filter((x) => x.outcome === 'not-stored')) {
            const headers = new Headers(ex.headers);
            headers.set('content-type', 'application/json');
            headers.delete('idempotency-key');
            await upstream({ method: 'POST', path: '/intake/statements', headers, body: lines[o.line - 1]! });
          }
          return reply;
        },
      },
    },
    {
      name: 'relay-alters-a-field',
      role: 'relay',
      mutation: {
        // Serves statements with the free-text grounds dropped.
        response(reply, ex) {
          if (ex.method !== 'GET' || !/\/statements\/[^/]+$/.test(ex.path) || reply.status !== 200)
            return reply;
          const s = json(reply) as { choices: Record<string, unknown>[] };
          return withBody(reply, { ...s, choices: s.choices.map(({ grounds: _dropped, ...c }) => c) });
        },
      },
    },
    {
      name: 'receiver-alters-a-field-on-read',
      role: 'receiver',
      mutation: {
        // Serves a stored statement with a field no subset check names rewritten (issue 11: bodies
        // compared by subset let it through).
        response(reply, ex) {
          if (ex.method !== 'GET' || !/\/statements\/[^/]+$/.test(ex.path) || reply.status !== 200)
            return reply;
          const s = json(reply) as { recordedBy: Record<string, unknown> };
          return withBody(reply, { ...s, recordedBy: { ...s.recordedBy, systemVersion: '0.0.0' } });
        },
      },
    },
    {
      name: 'batch-result-restamped',
      role: 'receiver',
      mutation: {
        // Rebuilds a lost batch result on request instead of returning the one stored: a new receivedAt.
        response(reply, ex) {
          if (ex.method !== 'GET' || !/^\/intake\/batches\/[^/]+$/.test(ex.path) || reply.status !== 200)
            return reply;
          return withBody(reply, { ...json(reply), receivedAt: new Date(Date.now() + 1000).toISOString() });
        },
      },
    },
    {
      name: 'ledger-rewrites-recipient',
      role: 'distributor',
      mutation: {
        // Shows the family a recipient's name other than the one the release recorded.
        response(reply, ex) {
          if (ex.method !== 'GET' || !/\/ledger(\?|$)/.test(ex.path) || reply.status !== 200) return reply;
          const ledger = json(reply) as { entries: { recipient: { name: string } }[] };
          const entries = ledger.entries.map((e) => ({
            ...e,
            recipient: { ...e.recipient, name: e.recipient.name.toUpperCase() },
          }));
          return withBody(reply, { ...ledger, entries });
        },
      },
    },
    {
      name: 'distributor-trusts-any-scope',
      role: 'distributor',
      mutation: {
        // Checks that a token is genuine but not what it may do: a receiver's token acts as distributor.
        request: withMainToken,
      },
    },
    {
      name: 'ledger-omits-excluded',
      role: 'distributor',
      mutation: {
        // Files a ledger entry only when the pupil's record went out, so an excluded pupil cannot see the request.
        response(reply, ex) {
          if (ex.method !== 'GET' || !/\/ledger(\?|$)/.test(ex.path) || reply.status !== 200) return reply;
          const ledger = json(reply) as { entries: { outcome: string }[] };
          return withBody(reply, { ...ledger, entries: ledger.entries.filter((e) => e.outcome !== 'EXCL') });
        },
      },
    },
    {
      name: 'onward-shares-ignore-the-filter',
      role: 'relay',
      mutation: {
        // Serves the whole log whatever shared= asks for.
        request(ex) {
          if (!/\/onward-shares\?/.test(ex.path)) return ex;
          return { ...ex, path: ex.path.replace(/([?&])shared=(true|false)(?=&|$)/, '$1') };
        },
      },
    },
    {
      name: 'onward-shares-cursor-one-back',
      role: 'relay',
      mutation: {
        // A next page that starts on the last decision of the page before (the reference's cursor is the
        // base64url of `i<position>`): paging repeats an entry.
        request(ex) {
          const cursor = /([?&])cursor=([^&]+)/.exec(ex.path);
          if (!/\/onward-shares\?/.test(ex.path) || !cursor) return ex;
          const at = /^i([0-9]+)$/.exec(Buffer.from(decodeURIComponent(cursor[2]!), 'base64url').toString());
          if (!at || Number(at[1]) < 1) return ex;
          const back = Buffer.from(`i${Number(at[1]) - 1}`).toString('base64url');
          return { ...ex, path: ex.path.replace(cursor[0], `${cursor[1]}cursor=${back}`) };
        },
      },
    },
    {
      name: 'onward-shares-page-over-limit',
      role: 'relay',
      mutation: {
        // Gives one decision more than the page's limit asks for.
        request(ex) {
          const limit = /([?&])limit=([0-9]+)/.exec(ex.path);
          if (!/\/onward-shares\?/.test(ex.path) || !limit) return ex;
          return { ...ex, path: ex.path.replace(limit[0], `${limit[1]}limit=${Number(limit[2]) + 1}`) };
        },
      },
    },
    {
      name: 'relay-health-names-a-transparency-log',
      role: 'relay',
      mutation: {
        response(reply, ex) {
          if (ex.path !== '/health' || reply.status !== 200) return reply;
          const health = json(reply) as { checks?: unknown[] };
          return withBody(reply, {
            ...health,
            checks: [...(health.checks ?? []), { name: 'transparency-log', status: 'pass' }],
          });
        },
      },
    },
    {
      name: 'wrong-capability-profile',
      role: 'relay',
      mutation: {
        response(reply, ex) {
          if (ex.path !== '/.well-known/reuse-preference') return reply;
          return withBody(reply, { ...json(reply), profiles: ['producer'] });
        },
      },
    },
  ];
}
