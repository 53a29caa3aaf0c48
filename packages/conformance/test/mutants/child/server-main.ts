// A reference server as its own process with one behaviour broken inside it (not in front of it, as the
// proxies do), for the mutants a proxy cannot imitate honestly. Prints its URL once it listens.
import { codesOf, Exemptions, LatestCatalogue } from '@reuse-pref/schema';
import { type Role, type StoreSpec, startServer } from '@reuse-pref/server';
import { createLocalJWKSet } from 'jose';

const [role, spec, issuer, audience, mutant] = process.argv.slice(2);

const breakages: Record<string, () => void> = {
  // The gate asks "is this an exemption the catalogue knows?" instead of "does the catalogue list it for
  // this purpose?": every exemption now overrides every objection.
  'exemption-overrides-any-purpose'() {
    const every = codesOf(Exemptions);
    for (const purpose of LatestCatalogue.purposes) {
      (purpose as unknown as { overridingExemptions: string[] }).overridingExemptions = [...every];
    }
  },
};

const breakage = breakages[mutant!];
if (!breakage) throw new Error(`unknown mutant ${mutant}`);
breakage();
const running = await startServer({
  role: role as Role,
  store: JSON.parse(spec!) as StoreSpec,
  port: 0,
  auth: {
    jwks: createLocalJWKSet(JSON.parse(process.env.RP_CONFORMANCE_JWKS!)),
    issuer: issuer!,
    audience: audience!,
  },
  tokenEndpoint: `${issuer}/oauth2/token`,
  logger: () => {},
});
process.stdout.write(`listening ${running.url}\n`);
