import { ReusePrefClient } from '@reuse-pref/client';
import { type DevAuthServer, type RunningProducer } from '@reuse-pref/example-producer';
import { type RunningReceiver } from '@reuse-pref/example-receiver';
import { type RunningRelay } from '@reuse-pref/example-relay';
export declare const APP: {
    readonly id: "homework-hub";
    readonly name: "Homework Hub";
};
declare const CLIENTS: readonly [{
    readonly id: "relay-sync";
    readonly secret: "relay-sync-secret";
    readonly scopes: readonly ["producer:read", "school:137245"];
}, {
    readonly id: "relay-upload";
    readonly secret: "relay-upload-secret";
    readonly scopes: readonly ["receiver:write", "receiver:read", "school:137245"];
}, {
    readonly id: "homework-hub";
    readonly secret: "homework-hub-secret";
    readonly scopes: readonly ["relay:read", "school:137245"];
}, {
    readonly id: "relay-admin";
    readonly secret: "relay-admin-secret";
    readonly scopes: readonly ["relay:read", "school:137245"];
}];
/** The three reference apps on loopback, each on its own temporary embedded store. */
export interface Chain {
    auth: DevAuthServer;
    producer: RunningProducer;
    relay: RunningRelay;
    receiver: RunningReceiver;
    /** A client holding one of the demo's registered credentials. */
    client(baseUrl: string, clientId: (typeof CLIENTS)[number]['id']): ReusePrefClient;
    /** The distributor's working directory (log and private ledger). */
    distributorDir: string;
    close(): Promise<void>;
}
export declare function startChain(): Promise<Chain>;
export {};
