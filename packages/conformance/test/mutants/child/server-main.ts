// A reference server as its own process, optionally with one behaviour broken inside it (not in front of
// it, as the proxies do), for the mutants a proxy cannot imitate honestly: a wrong gate table, or a store
// that acknowledges before it commits, which only a real kill -9 exposes. Prints its URL once it listens.
import { codesOf, Exemptions, LatestCatalogue } from '@reuse-pref/schema';
import { openStore, type Role, type StoreSpec, startServer } from '@reuse-pref/server';
import type { StatementStore } from '@reuse-pref/store';
import { createLocalJWKSet } from 'jose';
import { deferLastRecordOfBatch } from './deferred-commit-store.js';

const [role, spec, issuer, audience, mutant] = process.argv.slice(2);

interface Breakage {
  /** Runs before the server starts. */
  patch?(): void;
  store?(store: StatementStore): StatementStore;
}

const breakages: Record<string, Breakage> = {
  // The reference itself, for the control runs under the same conditions as a mutant.
  none: {},
  // The gate asks "is this an exemption the catalogue knows?" instead of "does the catalogue list it for
  // this purpose?": every exemption now overrides every objection.
  'exemption-overrides-any-purpose': {
    patch() {
      const every = codesOf(Exemptions);
      for (const purpose of LatestCatalogue.purposes) {
        (purpose as unknown as { overridingExemptions: string[] }).overridingExemptions = [...every];
      }
    },
  },
  'loses-last-batch-on-crash': { store: deferLastRecordOfBatch },
};

const breakage = breakages[mutant!];
if (!breakage) throw new Error(`unknown mutant ${mutant}`);
breakage.patch?.();
const opened = await openStore(JSON.parse(spec!) as StoreSpec);
const running = await startServer({
  role: role as Role,
  store: breakage.store ? breakage.store(opened) : opened,
  port: 0,
  auth: {
    jwks: createLocalJWKSet(JSON.parse(process.env.RP_CONFORMANCE_JWKS!)),
    issuer: issuer!,
    audience: audience!,
  },
  tokenEndpoint: `${issuer}/oauth2/token`,
  logger: () => {},
  // Several distributor processes on one store sign with one key, so a receipt verifies whichever answers.
  ...(process.env.RP_CONFORMANCE_LOG_KEY ? { logSigningKey: process.env.RP_CONFORMANCE_LOG_KEY } : {}),
});
process.stdout.write(`listening ${running.url}\n`);
// A clean stop (SIGTERM) closes the store, committing anything held; SIGKILL is the crash.
process.once('SIGTERM', () => void running.close().then(() => process.exit(0)));
