import type { RequestBody } from '@reuse-pref/contract';
import { parseDistributionRequest, prepareRequest, RequestError } from '@reuse-pref/release';
import { type Finding, LatestCatalogue, type ReleaseSubjectPage, SubjectKey } from '@reuse-pref/schema';
import { PreferenceIndexIncompleteError } from '@reuse-pref/store';
import { isValidUln, isValidUpn } from '@reuse-pref/validator';
import { Value } from '@sinclair/typebox/value';
import { parseJson } from '../../http/parse-json.js';
import { problem } from '../../http/problem.js';
import { json } from '../../http/respond.js';
import { defineOperation } from '../../operation.js';
import { nextIndexCursor, readIndexPage } from '../../paging/index-cursor.js';

const MAX_COHORT = 100_000;

/**
 * Evaluates a distribution request against the effective preferences of every cohort member's stored
 * statements and records it (log, ledgers, register). Idempotency-Key is required: a retry must never
 * record a second release.
 */
export const evaluateDistribution = defineOperation('evaluateDistribution', {
  method: 'POST',
  path: '/releases',
  roles: ['distributor'],
  idempotent: 'required',
  // A national cohort is large: the batch limit bounds it, not the single-statement one.
  body: { types: ['application/json'], limit: 'maxBatchBytes' },
  async handle({ body, services }) {
    const value = parseJson(body, { maxDepth: services.limits.maxDepth }) as Record<string, unknown>;
    const findings = checkEvaluation(value);
    if (findings.length > 0) {
      return problem('validation-failed', {
        detail: `${findings.length} error(s); nothing was recorded.`,
        errors: findings,
      });
    }
    let request: ReturnType<typeof parseDistributionRequest>;
    try {
      request = parseDistributionRequest(JSON.stringify(value.request));
      // Purposes and exemptions the catalogue does not know are refused before anything is looked up.
      prepareRequest(request, LatestCatalogue);
    } catch (error) {
      if (!(error instanceof RequestError) && !(error instanceof RangeError)) throw error;
      return problem('validation-failed', {
        detail: error.message,
        errors: [schemaFinding('/request', error.message)],
      });
    }
    // Checked above member by member; typed as the contract's request body, so a body openapi.yaml
    // describes differently no longer compiles.
    const evaluation: RequestBody<'evaluateDistribution'> = { request, cohort: value.cohort as SubjectKey[] };
    const archive = await services.releases();
    let result: Awaited<ReturnType<typeof archive.record>>;
    try {
      result = await archive.record(request, evaluation.cohort, {
        now: services.now(),
        competenceAge: services.competenceAge,
      });
    } catch (error) {
      // Deciding from an index that lacks statements would decide on partial histories: refuse.
      if (!(error instanceof PreferenceIndexIncompleteError)) throw error;
      return problem('unavailable', { detail: `${error.message}; nothing was recorded.` });
    }
    if (result.outcome === 'ds-reference-conflict') {
      return problem('release-conflict', {
        detail: `Release ${result.releaseId} already records ${request.dsReference} with other content.`,
      });
    }
    const location = `/releases/${result.decision.releaseId}`;
    return json(result.outcome === 'recorded' ? 201 : 200, result.decision, { location });
  },
});

export const getRelease = defineOperation('getRelease', {
  method: 'GET',
  path: '/releases/{releaseId}',
  roles: ['distributor'],
  async handle({ params, services }) {
    const stored = await (await services.releases()).release(releaseIdParam(params.releaseId));
    return stored ? json(200, stored.decision) : problem('not-found', { detail: 'No such release.' });
  },
});

export const listReleaseSubjects = defineOperation('listReleaseSubjects', {
  method: 'GET',
  path: '/releases/{releaseId}/subjects',
  roles: ['distributor'],
  async handle({ query, params, services }) {
    const archive = await services.releases();
    const releaseId = releaseIdParam(params.releaseId);
    if (!(await archive.release(releaseId))) return problem('not-found', { detail: 'No such release.' });
    const { from, limit } = readIndexPage(query, services.limits.maxPageSize);
    const items = await archive.releaseSubjects(releaseId, from, limit);
    const page: ReleaseSubjectPage = { items, nextCursor: nextIndexCursor(from, items.length, limit) };
    return json(200, page);
  },
});

/** Lower-cased so one release has one name; anything not a UUID simply matches nothing. */
const releaseIdParam = (raw: string) => raw.toLowerCase();

function checkEvaluation(value: Record<string, unknown>): Finding[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [schemaFinding('', 'body: must be an object with request and cohort')];
  }
  const extra = Object.keys(value).filter((k) => k !== 'request' && k !== 'cohort');
  const findings = extra.map((k) => schemaFinding(`/${k}`, `${k}: is not allowed`));
  if (typeof value.request !== 'object' || value.request === null) {
    findings.push(schemaFinding('/request', 'request: required object'));
  }
  const cohort = value.cohort;
  if (!Array.isArray(cohort) || cohort.length < 1 || cohort.length > MAX_COHORT) {
    findings.push(schemaFinding('/cohort', `cohort: an array of 1 to ${MAX_COHORT} subjects`));
    return findings;
  }
  for (const [i, member] of cohort.entries()) {
    if (
      Value.Check(SubjectKey, member) &&
      (!member.upn || isValidUpn(member.upn)) &&
      (!member.uln || isValidUln(member.uln))
    )
      continue;
    findings.push(
      schemaFinding(
        `/cohort/${i}`,
        `cohort[${i}]: needs a valid upn and/or uln (check characters included), nothing else`,
      ),
    );
    if (findings.length >= 20) break;
  }
  return findings;
}

function schemaFinding(pointer: string, message: string): Finding {
  return { rule: 'distribution-evaluation-schema', severity: 'error', pointer, message };
}
