import type { OnwardShare } from '@reuse-pref/schema';
import { decideOnwardShare, type Operation, PROBLEM_BASE, problem } from '@reuse-pref/server';
import { isValidUpn } from '@reuse-pref/validator';

/** An app that reads pupil data through the relay; its id is the OAuth client id it calls with. */
export type RegisteredApp = OnwardShare['app'];

const json = (status: number, value: unknown) => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(value),
});

/**
 * GET /schools/{urn}/pupils/{upn}/app-record: an app asking the relay for one pupil. The app is the
 * calling client; the relay answers with the pupil's identifiers when `APPS` allows it and 451 with the
 * recorded decision when it does not. Either way the decision lands in the school's onward-share ledger,
 * which the reference server's listOnwardShares serves. Not part of the v1 contract: how a relay talks to
 * its apps is its own business, but the decision it records is.
 */
export function appRecordOperation(apps: readonly RegisteredApp[]): Operation {
  return {
    operationId: 'getAppRecord',
    method: 'GET',
    path: '/schools/{urn}/pupils/{upn}/app-record',
    roles: ['relay'],
    scope: 'relay:read',
    schoolParam: 'urn',
    async handle({ params, principal, services }) {
      const app = apps.find((a) => a.id === principal.clientId);
      if (!app) return problem('forbidden', { detail: 'This client is not a registered app.' });
      if (!isValidUpn(params.upn!)) return problem('not-found');
      // A pupil the relay holds nothing for has no record to pass on, so there is nothing to decide.
      const history = await services.store.statements.pupilHistory({ urn: params.urn!, upn: params.upn! });
      const latest = history.at(-1)?.statement;
      if (!latest) return problem('not-found');
      const share = await decideOnwardShare(services.store, {
        urn: params.urn!,
        app: { id: app.id, name: app.name },
        // The newest statement carries the fullest identifiers the school has sent (a ULN arrives at 14).
        subject: latest.subject,
        now: services.now(),
        competenceAge: services.competenceAge,
      });
      if (share.shared) return json(200, { share, pupil: share.subject });
      return {
        status: 451,
        headers: { 'content-type': 'application/problem+json' },
        body: JSON.stringify({
          type: `${PROBLEM_BASE}withheld-by-preference`,
          title: 'Withheld: the pupil or a parent said no to sharing with apps',
          status: 451,
          detail: `The effective APPS preference for this pupil is not shared (decided by statement ${share.decidedBy}).`,
          share,
        }),
      };
    },
  };
}
