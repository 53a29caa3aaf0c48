import { ClientCredentials, ReusePrefClient } from '@reuse-pref/client';
import { PUPILS, pupil, SCHOOL } from '@reuse-pref/example-producer';
import {
  IMMIGRATION_REQUEST,
  RESEARCH_REQUEST,
  type RunningDistributor,
  startDistributor,
} from '@reuse-pref/example-receiver';
import { generateLogKeyPair } from '@reuse-pref/release';
import { silentLogger } from '@reuse-pref/server';
import type { Chain } from './chain.js';
import { IMMIGRATION_COHORT, LEDGER_PUPIL } from './sections.js';

// Long enough to click through the demo's links while `--serve` keeps them up.
const SIGN_IN_SECONDS = 8 * 60 * 60;

export interface FamilyPages {
  formUrl: string;
  subjectViewUrl: string;
  distributor: RunningDistributor;
}

/**
 * The two pages a family sees, on the chain's servers: the school's form at the reference MIS, and the
 * subject view at a reference DfE distributor (started here on the intake's store, the same two releases
 * recorded through its API). Each URL carries a sign-in token in its fragment, the demo's stand-in for a
 * parent portal's and DfE's sign-in.
 */
export async function startFamilyPages(chain: Chain): Promise<FamilyPages> {
  const family = pupil(LEDGER_PUPIL);
  const upn = family.subject.upn!;
  const clients = {
    release: {
      id: 'dfe-release',
      secret: 'dfe-release-secret',
      scopes: ['distributor:write', 'distributor:read'],
    },
    portal: {
      id: 'parent-portal',
      secret: 'parent-portal-secret',
      scopes: ['producer:write', `school:${SCHOOL.urn}`],
      lifetimeSeconds: SIGN_IN_SECONDS,
    },
    family: {
      id: `family-${upn}`,
      secret: 'family-secret',
      scopes: ['subject:read', `pupil:${upn}`],
      lifetimeSeconds: SIGN_IN_SECONDS,
    },
  };
  for (const client of Object.values(clients)) chain.auth.register(client);
  const distributor = await startDistributor({
    dir: chain.distributorDir,
    auth: chain.auth.auth,
    tokenEndpoint: chain.auth.tokenUrl,
    logSigningKey: generateLogKeyPair().privateKey,
    now: chain.now,
    logger: silentLogger,
  });
  try {
    const dfe = new ReusePrefClient({
      baseUrl: distributor.url,
      auth: new ClientCredentials({
        tokenUrl: chain.auth.tokenUrl,
        clientId: clients.release.id,
        clientSecret: clients.release.secret,
        scopes: clients.release.scopes,
      }),
    });
    const cohorts = [
      { request: RESEARCH_REQUEST, pupils: PUPILS },
      { request: IMMIGRATION_REQUEST, pupils: IMMIGRATION_COHORT.map(pupil) },
    ];
    for (const { request, pupils } of cohorts) {
      await dfe.post('/releases', {
        header: { 'Idempotency-Key': request.dsReference },
        body: { request, cohort: pupils.map((p) => ({ upn: p.subject.upn! })) },
      });
    }
    const portalToken = await chain.auth.token(clients.portal.id);
    const familyToken = await chain.auth.token(clients.family.id);
    return {
      distributor,
      formUrl: `${chain.producer.url}/form?pupil=${family.subject.localId}#access_token=${portalToken}`,
      subjectViewUrl: `${distributor.url}/subject-view#pupil=${upn}&access_token=${familyToken}`,
    };
  } catch (error) {
    await distributor.close();
    throw error;
  }
}

export function familyPagesSection(pages: FamilyPages, serving: boolean): string {
  let out = `  The school's form, for one of ${LEDGER_PUPIL}'s parents (reference MIS):\n    ${pages.formUrl}\n`;
  out += `  ${LEDGER_PUPIL}'s releases with receipts checked in the browser (reference DfE distributor):\n    ${pages.subjectViewUrl}\n`;
  out += serving
    ? '  Serving until you press Ctrl-C. The links carry a sign-in token for 8 hours.\n'
    : '  These pages close with the demo: run `reuse-pref demo --serve` to keep them open.\n';
  return out;
}
