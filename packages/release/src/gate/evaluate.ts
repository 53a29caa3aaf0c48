import { randomUUID } from 'node:crypto';
import { resolve } from '@reuse-pref/resolver';
import {
  type DistributionRequest,
  type EffectivePreference,
  LatestCatalogue,
  type PurposeCatalogue,
  type ReleaseCounts,
  type ReleaseDecision,
  type Subject,
  type SubjectOutcome,
} from '@reuse-pref/schema';
import type { CohortMember } from './cohort.js';
import {
  basisOf,
  decideSubject,
  judge,
  outcomeOf,
  prepareRequest,
  type SubjectDecision,
} from './decide-subject.js';

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

export function countOutcome(
  counts: ReleaseCounts,
  decision: Pick<SubjectDecision, 'outcome' | 'basis'>,
): void {
  counts.total += 1;
  if (decision.outcome === 'INCL') counts.included += 1;
  else if (decision.outcome === 'EXCL') counts.excluded += 1;
  else counts.overridden += 1;
  if (decision.basis === 'stated') counts.decidedByStatement += 1;
  else counts.decidedByDefault += 1;
  counts.byOutcome[decision.outcome][decision.basis] += 1;
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
  const counts = emptyCounts();
  const exemption = request.exemption?.code;
  // Without a sink nothing needs awaiting, so a batch is decided in one synchronous loop.
  const decideQuietly = (member: CohortMember) => {
    const preferences = preferencesOf(member, decidedAt, catalogue, options.competenceAge);
    const verdict = judge(prepared, preferences, exemption);
    countOutcome(counts, { outcome: outcomeOf(verdict), basis: basisOf(verdict) });
  };
  const decide = async (member: CohortMember) => {
    const preferences = preferencesOf(member, decidedAt, catalogue, options.competenceAge);
    const decision = decideSubject(prepared, preferences, exemption);
    countOutcome(counts, decision);
    if (options.onSubject) {
      // Only a sink that returns a promise pays for an await: a synchronous one stays on the fast path.
      const pending = options.onSubject({ ...decision, subject: member.subject, releaseId });
      if (pending) await pending;
    }
  };
  for await (const item of cohort) {
    if (Array.isArray(item)) {
      for (const member of item as readonly CohortMember[]) {
        if (options.onSubject) await decide(member);
        else decideQuietly(member);
      }
    } else if (options.onSubject) await decide(item as CohortMember);
    else decideQuietly(item as CohortMember);
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
  return 'preferences' in p ? p.preferences : p;
}

/** The SubjectOutcome document for one result. */
export function subjectOutcome(result: SubjectResult): SubjectOutcome {
  return { releaseId: result.releaseId, outcome: result.outcome, purposes: result.purposes };
}
