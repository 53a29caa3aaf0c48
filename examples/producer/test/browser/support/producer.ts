import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientCredentials, ReusePrefClient } from '@reuse-pref/client';
import {
  AS_OF,
  type DevAuthServer,
  type RunningProducer,
  SCHOOL,
  startDevAuthServer,
  startProducer,
} from '@reuse-pref/example-producer';
import { silentLogger } from '@reuse-pref/server';

export const PORTAL = {
  id: 'parent-portal',
  secret: 'portal-secret',
  scopes: ['producer:write', `school:${SCHOOL.urn}`],
};
const OFFICE = { id: 'office', secret: 'office-secret', scopes: ['producer:read', `school:${SCHOOL.urn}`] };

export interface RunningMis {
  auth: DevAuthServer;
  producer: RunningProducer;
  /** Reads what the MIS stored, as the school office would. */
  office: ReusePrefClient;
  close(): Promise<void>;
}

/** The real reference producer (its /form page included) on a temporary store, clock pinned to AS_OF. */
export async function startMis(): Promise<RunningMis> {
  const dir = mkdtempSync(join(tmpdir(), 'rp-form-'));
  const auth = await startDevAuthServer([PORTAL, OFFICE]);
  const producer = await startProducer({
    dir,
    auth: auth.auth,
    tokenEndpoint: auth.tokenUrl,
    now: () => new Date(AS_OF),
    logger: silentLogger,
  });
  const office = new ReusePrefClient({
    baseUrl: producer.url,
    auth: new ClientCredentials({
      tokenUrl: auth.tokenUrl,
      clientId: OFFICE.id,
      clientSecret: OFFICE.secret,
      scopes: OFFICE.scopes,
    }),
  });
  return {
    auth,
    producer,
    office,
    async close() {
      await producer.close();
      await auth.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
