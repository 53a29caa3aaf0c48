import { compareStatements, parseInstant, resolve } from '@reuse-pref/resolver';
import type { PupilPreferences, Subject } from '@reuse-pref/schema';
import { noneMatchHolds } from '../../http/etag.js';
import { ProblemError, problem } from '../../http/problem.js';
import { empty, json } from '../../http/respond.js';
import { defineOperation } from '../../operation.js';
import { pupilHistory } from '../../pupils/pupil-history.js';
import { pupilQuery } from '../../pupils/pupil-ref.js';
import { pupilEtag } from './pupil-etag.js';

const readers = ['producer', 'relay', 'receiver'] as const;

/**
 * Effective preferences from the shared resolver, evaluated now or at `?asOf=`. The ETag versions the
 * statement set (see pupilEtag), so If-None-Match polling is cheap and If-Match guards a change.
 */
export const getPupilPreferences = defineOperation('getPupilPreferences', {
  method: 'GET',
  path: '/schools/{urn}/pupils/{pupil}/preferences',
  roles: readers,
  schoolParam: 'urn',
  async handle({ request, query, params, services }) {
    const urn = params.urn;
    const pupil = params.pupil;
    const statements = await pupilHistory(services, pupilQuery(pupil, urn));
    if (statements.length === 0) return problem('not-found', { detail: 'No such pupil at this school.' });
    const asOfParam = query.get('asOf');
    if (asOfParam !== null && Number.isNaN(parseInstant(asOfParam))) {
      throw new ProblemError('bad-request', { detail: 'asOf must be an RFC 3339 date-time.' });
    }
    const etag = pupilEtag(statements);
    // Only the current evaluation is versioned by the ETag: at another asOf the same statements can
    // resolve differently, so a conditional read with asOf always gets the body.
    if (asOfParam === null && noneMatchHolds(request.headers['if-none-match'], etag)) {
      return empty(304, { etag });
    }
    const latest = [...statements].sort(compareStatements).at(-1)!;
    // The pupil's identifiers, but no date of birth: the resolver takes that from the statements, the
    // latest eligible one's (R4). Without any subject the answer at an asOf before every statement would
    // name nobody (the resolver falls back on the latest eligible statement, and there is none).
    const effective = resolve({
      statements,
      subject: identifiersOf(latest.subject),
      asOf: asOfParam ?? services.now().toISOString(),
      competenceAge: services.competenceAge,
    });
    const body: PupilPreferences = {
      urn,
      pupil,
      statementCount: statements.length,
      latestStatementId: latest.id,
      effective,
    };
    return json(200, body, { etag });
  },
});

/** A subject's identifiers as the latest statement gives them, without its date of birth. */
function identifiersOf(subject: Subject): Subject {
  const { dateOfBirth: _unused, ...identifiers } = subject;
  return identifiers;
}
