import { compareStatements, parseInstant, resolve } from '@reuse-pref/resolver';
import type { PupilPreferences, Statement, Subject } from '@reuse-pref/schema';
import { ProblemError, problem } from '../../http/problem.js';
import { empty, json } from '../../http/respond.js';
import { defineOperation, outsideContract } from '../../operation.js';
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
    if (request.headers['if-none-match'] === etag && asOfParam === null) {
      // contract: openapi.yaml declares no 304 for getPupilPreferences (issue 12: "304 on If-None-Match").
      return outsideContract(empty(304, { etag }));
    }
    const effective = resolve({
      statements,
      subject: subjectOf(statements),
      asOf: asOfParam ?? services.now().toISOString(),
      competenceAge: services.competenceAge,
    });
    const latest = [...statements].sort(compareStatements).at(-1);
    const body: PupilPreferences = {
      urn,
      pupil,
      statementCount: statements.length,
      latestStatementId: latest?.id ?? null,
      effective,
    };
    return json(200, body, { etag });
  },
});

/** The subject as the statements know it, with a date of birth if any statement carries one. */
function subjectOf(statements: readonly Statement[]): Subject {
  const first = statements[0]!.subject;
  const dateOfBirth = statements.find((s) => s.subject.dateOfBirth)?.subject.dateOfBirth;
  return { ...first, ...(dateOfBirth ? { dateOfBirth } : {}) };
}
