import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientCredentials, ReusePrefClient } from '@reuse-pref/client';
import { AS_OF, SCHOOL, startDevAuthServer, startProducer, } from '@reuse-pref/example-producer';
import { startReceiver } from '@reuse-pref/example-receiver';
import { startRelay } from '@reuse-pref/example-relay';
import { silentLogger } from '@reuse-pref/server';
export const APP = { id: 'homework-hub', name: 'Homework Hub' };
const CLIENTS = [
    { id: 'relay-sync', secret: 'relay-sync-secret', scopes: ['producer:read', `school:${SCHOOL.urn}`] },
    {
        id: 'relay-upload',
        secret: 'relay-upload-secret',
        scopes: ['receiver:write', 'receiver:read', `school:${SCHOOL.urn}`],
    },
    { id: APP.id, secret: 'homework-hub-secret', scopes: ['relay:read', `school:${SCHOOL.urn}`] },
    { id: 'relay-admin', secret: 'relay-admin-secret', scopes: ['relay:read', `school:${SCHOOL.urn}`] },
];
// Every clock in the chain reads the same pinned instant, so ages and "in the future" never drift.
const now = () => new Date(AS_OF);
export async function startChain() {
    const dir = mkdtempSync(join(tmpdir(), 'reuse-pref-demo-'));
    const auth = await startDevAuthServer(CLIENTS);
    const common = { auth: auth.auth, tokenEndpoint: auth.tokenUrl, now, logger: silentLogger };
    const started = [];
    try {
        const producer = await startProducer({ ...common, dir: join(dir, 'producer') });
        started.push(producer);
        const receiver = await startReceiver({ ...common, dir: join(dir, 'receiver') });
        started.push(receiver);
        const relay = await startRelay({
            ...common,
            dir: join(dir, 'relay'),
            producer: {
                url: producer.url,
                clientId: 'relay-sync',
                clientSecret: 'relay-sync-secret',
                tokenUrl: auth.tokenUrl,
            },
            schools: [SCHOOL.urn],
            apps: [APP],
        });
        started.push(relay);
        return {
            auth,
            producer,
            relay,
            receiver,
            distributorDir: join(dir, 'receiver'),
            client(baseUrl, clientId) {
                const { secret, scopes } = CLIENTS.find((c) => c.id === clientId);
                return new ReusePrefClient({
                    baseUrl,
                    auth: new ClientCredentials({ tokenUrl: auth.tokenUrl, clientId, clientSecret: secret, scopes }),
                });
            },
            async close() {
                await closeAll(started, auth, dir);
            },
        };
    }
    catch (error) {
        await closeAll(started, auth, dir);
        throw error;
    }
}
async function closeAll(started, auth, dir) {
    for (const app of started.reverse())
        await app.close();
    await auth.close();
    rmSync(dir, { recursive: true, force: true });
}
