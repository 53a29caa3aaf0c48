// Issue 17 item 9: school A posting school B's statement id learned that it exists: the id was unique
// across schools, so A's write was refused with 409 statement-id-conflict. A statement is now held once
// per school (which is also what lets a pupil's transferred statement in: item 3), and a write is never
// compared with another school's holdings, so the answer is the one a fresh id gets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { SCHOOL_A, SCHOOL_B, statement } from '../helpers/statements.js';

const servers: Record<'producer' | 'receiver', TestServer> = {} as never;
beforeAll(async () => {
  servers.producer = await startTestServer('producer');
  servers.receiver = await startTestServer('receiver');
});
afterAll(async () => {
  await servers.producer?.close();
  await servers.receiver?.close();
});

const routes = {
  producer: {
    path: (urn: string) => `/schools/${urn}/statements`,
    scope: (urn: string) => `producer:write producer:read school:${urn}`,
  },
  receiver: { path: () => '/intake/statements', scope: (urn: string) => `receiver:write school:${urn}` },
} as const;

describe.each(['producer', 'receiver'] as const)("another school's statement id, at the %s", (role) => {
  it('is answered exactly as a fresh id is', async () => {
    const server = servers[role];
    const send = (urn: string, body: unknown) =>
      server.call(routes[role].path(urn), {
        method: 'POST',
        scope: routes[role].scope(urn),
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const theirs = statement({ setting: SCHOOL_A });
    expect((await send(SCHOOL_A.urn, theirs)).status).toBe(201);

    // School B, with A's id and content of its own, and with an id nobody holds.
    const probe = statement({ id: theirs.id, setting: SCHOOL_B, expressedAt: '2026-09-01T08:00:00Z' });
    const fresh = statement({ setting: SCHOOL_B, expressedAt: '2026-09-01T08:00:00Z' });
    const [probed, control] = [await send(SCHOOL_B.urn, probe), await send(SCHOOL_B.urn, fresh)];
    expect(probed.status).toBe(control.status);
    expect(probed.status, await probed.clone().text()).toBe(201);
    const strip = (body: Record<string, unknown>) => ({ ...body, statementId: '-', storedAt: '-' });
    expect(strip(await probed.json())).toEqual(strip(await control.json()));
    // School A's statement is untouched, and B reads only its own.
    expect((await server.store.statements.get(theirs.id, SCHOOL_A.urn))?.statement).toEqual(theirs);
    if (role === 'producer') {
      const read = await server.call(`/schools/${SCHOOL_B.urn}/statements/${theirs.id}`, {
        scope: `producer:read school:${SCHOOL_B.urn}`,
      });
      expect(await read.json()).toEqual(probe);
    }
  });
});
