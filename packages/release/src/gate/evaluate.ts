import { randomUUID } from 'node:crypto';
import { resolve } from '@reuse-pref/resolver';
import {
  type DistributionRequest,
  type EffectivePreference,
  type EffectivePreferences,
  LatestCatalogue,
  type PurposeCatalogue,
  type PurposeOutcome,
  type ReleaseCounts,
  type ReleaseDecision,
  type Subject,
  type SubjectOutcome,
} from '@reuse-pref/schema';
import type { CohortMember } from './cohort.js';
import { basisOf, judge, outcomeOf, prepareRequest, type SubjectDecision } from './decide-subject.js';

/**
 * Members one at a time, or in arrays (a batch costs one await, which matters at national scale).
 */
export type Cohort =
  | AsyncIterable<CohortMember | readonly CohortMember[]>
  | Iterable<CohortMember | readonly CohortMember[]>;

export interface EvaluateOptions {
  readonly catalogue?: PurposeCatalogue;
  /** When the decision is taken; also the resolver's evaluation time. Defaults to now. */
  readonly decidedAt?: string;
  readonly releaseId?: string;
  readonly competenceAge?: number;
  /** Called once per subject, in cohort order, before the next is read: the place to write a ledger. */
  readonly onSubject?: (result: SubjectResult) => void | Promise<void>;
}

export interface SubjectResult extends SubjectDecision {
  readonly subject: Subject;
  readonly releaseId: string;
}

export function emptyCounts(): ReleaseCounts {
  return {
    total: 0,
    included: 0,
    excluded: 0,
    overridden: 0,
    decidedByStatement: 0,
    decidedByDefault: 0,
    byOutcome: {
      INCL: { stated: 0, default: 0 },
      EXCL: { stated: 0, default: 0 },
      OVRD: { stated: 0, default: 0 },
    },
  };
}

/** Adds `n` subjects with this outcome and basis to the counts. */
export function countOutcome(
  counts: ReleaseCounts,
  decision: Pick<SubjectDecision, 'outcome' | 'basis'>,
  n = 1,
): void {
  counts.total += n;
  if (decision.outcome === 'INCL') counts.included += n;
  else if (decision.outcome === 'EXCL') counts.excluded += n;
  else counts.overridden += n;
  if (decision.basis === 'stated') counts.decidedByStatement += n;
  else counts.decidedByDefault += n;
  counts.byOutcome[decision.outcome][decision.basis] += n;
}

/**
 * Evaluates a distribution request against a cohort of any size. The cohort is read one member at a
 * time and nothing per subject is kept, so memory does not grow with the cohort; per-subject results go
 * to `onSubject` and the returned decision holds only counts.
 */
export async function evaluateRelease(
  request: DistributionRequest,
  cohort: Cohort,
  options: EvaluateOptions = {},
): Promise<ReleaseDecision> {
  const catalogue = options.catalogue ?? LatestCatalogue;
  const prepared = prepareRequest(request, catalogue);
  const releaseId = options.releaseId ?? randomUUID();
  const decidedAt = options.decidedAt ?? new Date().toISOString();
  const exemption = request.exemption?.code;
  // One counter per verdict (outcome bits | STATED): the hot path bumps an integer and builds no object.
  const tally = new Float64Array(8);
  const decideQuietly = (member: CohortMember) => {
    tally[judge(prepared, preferencesOf(member, decidedAt, catalogue, options.competenceAge), exemption)]! +=
      1;
  };
  const decide = async (member: CohortMember) => {
    const preferences = preferencesOf(member, decidedAt, catalogue, options.competenceAge);
    const purposes: PurposeOutcome[] = [];
    const verdict = judge(prepared, preferences, exemption, purposes);
    tally[verdict]! += 1;
    // Only a sink that returns a promise pays for an await: a synchronous one stays on the fast path.
    const pending = options.onSubject?.({
      outcome: outcomeOf(verdict),
      basis: basisOf(verdict),
      purposes,
      subject: member.subject,
      releaseId,
    });
    if (pending) await pending;
  };
  // Without a sink nothing needs awaiting, so a batch is decided in one synchronous loop.
  for await (const item of cohort) {
    if (Array.isArray(item)) {
      for (const member of item as readonly CohortMember[]) {
        if (options.onSubject) await decide(member);
        else decideQuietly(member);
      }
    } else if (options.onSubject) await decide(item as CohortMember);
    else decideQuietly(item as CohortMember);
  }
  return decisionFromTally(request, catalogue, releaseId, decidedAt, tally);
}

/** The decision, once every subject's verdict (judge's outcome bits | STATED) has been counted. */
export function decisionFromTally(
  request: DistributionRequest,
  catalogue: PurposeCatalogue,
  releaseId: string,
  decidedAt: string,
  tally: Float64Array,
): ReleaseDecision {
  const counts = emptyCounts();
  for (let verdict = 0; verdict < tally.length; verdict++) {
    const n = tally[verdict]!;
    if (n > 0) countOutcome(counts, { outcome: outcomeOf(verdict), basis: basisOf(verdict) }, n);
  }
  return {
    releaseId,
    dsReference: request.dsReference,
    request,
    catalogueVersion: catalogue.catalogueVersion,
    decidedAt,
    counts,
  };
}

function preferencesOf(
  member: CohortMember,
  asOf: string,
  catalogue: PurposeCatalogue,
  competenceAge: number | undefined,
): readonly EffectivePreference[] {
  if ('statements' in member) {
    return resolve({
      statements: member.statements,
      subject: member.subject,
      asOf,
      catalogue,
      ...(competenceAge === undefined ? {} : { competenceAge }),
    }).preferences;
  }
  const p = member.preferences;
  return Array.isArray(p) ? p : (p as Pick<EffectivePreferences, 'preferences'>).preferences;
}

/** The SubjectOutcome document for one result. */
export function subjectOutcome(result: SubjectResult): SubjectOutcome {
  return { releaseId: result.releaseId, outcome: result.outcome, purposes: result.purposes };
}
