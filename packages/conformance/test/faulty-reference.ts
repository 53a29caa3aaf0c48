import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Role, type RunningServer, startServer } from '@reuse-pref/server';
import type { StatementStore } from '@reuse-pref/store';
import { createLocalJWKSet } from 'jose';
import { asDatabaseOwner } from '../../store/test/faults/as-database-owner.js';
import type { FaultHook } from '../src/faults/hook.js';
import type { FaultName } from '../src/faults/vocabulary.js';
import type { TestResult } from '../src/report/result.js';
import { runScenarios } from '../src/scenarios/run.js';
import type { SchemaCheck } from '../src/scenarios/schemas.js';
import type { ScenarioCase } from '../src/scenarios/types.js';
import {
  AUDIENCE,
  DISTRIBUTOR_SCOPES,
  freshStore,
  ISSUER,
  issuer,
  OTHER_SCHOOL,
  SCHOOL,
  SCHOOL_SCOPES,
  type StoreKind,
} from './reference-servers.js';

/** What the store answers: as usual, nothing (refused), or not at all until it is restored. */
type StoreState = 'up' | 'down' | 'slow';

/**
 * One store's condition, shared by every handle a server process opens on it: `down` refuses each
 * round trip at once (a stopped database refuses connections), `slow` holds each one until the store
 * is restored (a paused database, a black-holed network path), then lets it through.
 */
class StoreCondition {
  state: StoreState = 'up';
  #restored: (() => void)[] = [];

  async pass(): Promise<void> {
    if (this.state === 'down') throw new Error('connect ECONNREFUSED (the store is unavailable)');
    if (this.state === 'slow') await new Promise<void>((resolve) => this.#restored.push(resolve));
  }

  restore(): void {
    this.state = 'up';
    for (const resolve of this.#restored.splice(0)) resolve();
  }
}

/**
 * The store a server process opens, with every round trip of its readiness ping and its ledgers (what
 * health and a distributor's archive read) going through the condition first. In the test process,
 * where Stryker's mutant switch reaches the server, this is how the store fails; the PostgreSQL fault
 * test makes a real database fail instead (fault-hook-postgres.test.ts).
 */
function subjectTo(store: StatementStore, condition: StoreCondition): StatementStore {
  const ledgers = new Proxy(store.ledgers, {
    get(target, name) {
      const value = Reflect.get(target, name);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        await condition.pass();
        return value.apply(target, args);
      };
    },
  });
  return new Proxy(store, {
    get(target, name) {
      if (name === 'ping')
        return async () => {
          await condition.pass();
          return target.ping();
        };
      if (name === 'ledgers') return ledgers;
      // The store's own methods read its private fields: they run on the store, not on this proxy.
      const value = Reflect.get(target, name);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

// A leaf the last signed head covers, rewritten as an operator with the database's rights could (the
// append-only triggers off and on again): one more member, so its hash changes.
const ALTER_FIRST_LEAF = `UPDATE ledger_entries SET entry = substr(entry, 1, length(entry) - 1) || ',"altered":true}'
  WHERE ledger = 'release:log' AND idx = 0`;

export interface FaultyReference {
  url: string;
  token: string;
  otherSchoolToken: string;
  intake?: { url: string; token: string };
  /** Causes each fault of the vocabulary to this server, as its operator could. */
  faults: FaultHook;
  close(): Promise<void>;
}

/**
 * A reference server for one role whose store can be made to fail and whose process can be restarted
 * (same store, port, keys and signed-head file), for the scenarios that require `faults` (decision
 * 0042). A distributor keeps its last signed head in a file and signs with one key across restarts, as
 * a deployment must; its intake (a receiver on the same store) is not restarted.
 */
export async function startFaultyReference(role: Role, kind: StoreKind = 'sqlite'): Promise<FaultyReference> {
  const store = await freshStore(kind, role);
  const condition = new StoreCondition();
  const heads = mkdtempSync(join(tmpdir(), 'rp-conformance-heads-'));
  const logSigningKey = generateKeyPairSync('ed25519').privateKey;
  const { jwks, sign } = await issuer();
  const start = async (as: Role, port = 0): Promise<RunningServer> =>
    startServer({
      role: as,
      store: subjectTo(await openStore(store.spec), condition),
      port,
      auth: { jwks: createLocalJWKSet(jwks), issuer: ISSUER, audience: AUDIENCE },
      tokenEndpoint: `${ISSUER}/oauth2/token`,
      logger: () => {},
      ...(as === 'distributor'
        ? { logSigningKey, signedHeadPath: join(heads, 'last-signed-head.json'), onLogAlarm: () => {} }
        : {}),
    });
  let running = await start(role);
  const intake = role === 'distributor' ? await start('receiver') : undefined;
  const schoolToken = await sign(`${SCHOOL_SCOPES} school:${SCHOOL.urn}`);
  const database =
    store.spec.kind === 'postgres'
      ? { kind: 'postgres' as const, url: store.spec.databaseUrl }
      : { kind: 'sqlite' as const, path: store.spec.path };
  const causes: Record<FaultName, () => Promise<void>> = {
    'store-unavailable': async () => {
      condition.state = 'down';
    },
    'store-slow': async () => {
      condition.state = 'slow';
    },
    'store-restored': async () => condition.restore(),
    'server-restarted': async () => {
      const { port } = running;
      await running.close();
      running = await start(role, port);
    },
    'log-leaf-altered': () => asDatabaseOwner(database, ALTER_FIRST_LEAF),
  };
  return {
    url: running.url,
    token: role === 'distributor' ? await sign(DISTRIBUTOR_SCOPES) : schoolToken,
    otherSchoolToken: await sign(`${SCHOOL_SCOPES} school:${OTHER_SCHOOL}`),
    ...(intake ? { intake: { url: intake.url, token: schoolToken } } : {}),
    faults: {
      async cause(fault) {
        await causes[fault]();
        return 'done';
      },
    },
    async close() {
      condition.restore();
      await intake?.close();
      await running.close();
      await store.drop();
      rmSync(heads, { recursive: true, force: true });
    },
  };
}

/** Runs scenario cases against a faulty reference with its fault hook, as `--fault-command` would. */
export function runWithFaults(
  server: FaultyReference,
  profile: string,
  cases: readonly ScenarioCase[],
  schemas: SchemaCheck,
  template: Record<string, unknown>,
): Promise<TestResult[]> {
  return runScenarios(
    cases,
    {
      baseUrl: server.url,
      token: server.token,
      otherSchoolToken: server.otherSchoolToken,
      ...(server.intake ? { intake: { baseUrl: server.intake.url, token: server.intake.token } } : {}),
      school: SCHOOL,
      template,
      faults: server.faults,
    },
    schemas,
    `scenario:${profile}`,
  );
}
