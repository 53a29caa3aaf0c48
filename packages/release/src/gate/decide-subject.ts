import type {
  DistributionRequest,
  EffectivePreference,
  PurposeCatalogue,
  PurposeOutcome,
  SubjectOutcome,
} from '@reuse-pref/schema';

type Purpose = PurposeCatalogue['purposes'][number];

/** A request checked against the catalogue once, so each subject costs a few comparisons. */
export interface PreparedRequest {
  readonly request: DistributionRequest;
  readonly purposes: readonly {
    readonly code: string;
    /** Kind `none` (EDUC): listed for transparency, never blocked. */
    readonly neverBlocked: boolean;
    /** The request's exemption is one the catalogue lets override this purpose. */
    readonly overridable: boolean;
  }[];
}

export function prepareRequest(request: DistributionRequest, catalogue: PurposeCatalogue): PreparedRequest {
  const byCode = new Map<string, Purpose>(catalogue.purposes.map((p) => [p.code, p]));
  const exemption = request.exemption?.code;
  const purposes = request.purposes.map((code) => {
    const purpose = byCode.get(code);
    if (!purpose) {
      throw new RangeError(`purpose ${code} is not in catalogue version ${catalogue.catalogueVersion}`);
    }
    return {
      code,
      neverBlocked: purpose.kind === 'none',
      overridable: exemption !== undefined && purpose.overridingExemptions.includes(exemption),
    };
  });
  return { request, purposes };
}

export interface SubjectDecision {
  readonly outcome: SubjectOutcome['outcome'];
  readonly purposes: PurposeOutcome[];
  /** Whether a stated answer decided the outcome, or only defaults did ("never asked"). */
  readonly basis: 'stated' | 'default';
}

// Stryker disable all: a convenience for library callers; the servers and the CLI call judge() itself,
// so no conformance scenario reaches it (pnpm mutation release-gate, decision 0031).
/**
 * The gate for one subject. A purpose is shared, overridden (not shared, but the request's exemption is
 * one the catalogue allows for that purpose) or blocked. One blocked purpose excludes the subject from the
 * whole release: a recipient receives one dataset, and there is no way to send a person "for IMMI only"
 * inside a release that is also for LINK (decision 0008).
 *
 * The basis is read from the answers that decided the outcome: the blocking ones for EXCL, the overridden
 * ones for OVRD, every requested one for INCL. It is `default` only when none of those was stated.
 */
export function decideSubject(
  prepared: PreparedRequest,
  preferences: readonly EffectivePreference[],
  exemption: PurposeOutcome['overriddenBy'],
): SubjectDecision {
  const purposes: PurposeOutcome[] = [];
  const verdict = judge(prepared, preferences, exemption, purposes);
  return { outcome: outcomeOf(verdict), basis: basisOf(verdict), purposes };
}
// Stryker restore all

/** Verdict bits: the outcome in the low two bits, and STATED when a stated answer decided it. */
export const INCL = 0;
export const EXCL = 1;
export const OVRD = 2;
export const STATED = 4;
const OUTCOMES = ['INCL', 'EXCL', 'OVRD'] as const;
export const outcomeOf = (verdict: number): SubjectOutcome['outcome'] => OUTCOMES[verdict & 3]!;
export const basisOf = (verdict: number): SubjectDecision['basis'] =>
  verdict & STATED ? 'stated' : 'default';

/**
 * The one implementation of the rules. With `out` it also lists each purpose's outcome; without, it
 * allocates nothing, which is how a bulk evaluation that only counts runs at the speed of reading.
 */
export function judge(
  prepared: PreparedRequest,
  preferences: readonly EffectivePreference[],
  exemption: PurposeOutcome['overriddenBy'],
  out?: PurposeOutcome[],
): number {
  let blocked = false;
  let overridden = false;
  let blockedStated = false;
  let overriddenStated = false;
  let anyStated = false;
  for (const purpose of prepared.purposes) {
    if (purpose.neverBlocked) {
      // No preference can touch core education, so none is read, even a malformed one.
      out?.push({ purpose: purpose.code, shared: true, default: true, decidedBy: null });
      continue;
    }
    const pref = findPreference(preferences, purpose.code);
    const stated = !pref.default;
    anyStated ||= stated;
    const overrides = !pref.shared && purpose.overridable && exemption !== undefined;
    if (!pref.shared) {
      if (overrides) {
        overridden = true;
        overriddenStated ||= stated;
      } else {
        blocked = true;
        blockedStated ||= stated;
      }
    }
    if (out) {
      const outcome: PurposeOutcome = {
        purpose: purpose.code,
        shared: pref.shared,
        default: pref.default,
        decidedBy: pref.decidedBy,
      };
      if (overrides) outcome.overriddenBy = exemption;
      out.push(outcome);
    }
  }
  if (blocked) return EXCL | (blockedStated ? STATED : 0);
  if (overridden) return OVRD | (overriddenStated ? STATED : 0);
  return INCL | (anyStated ? STATED : 0);
}

function findPreference(preferences: readonly EffectivePreference[], code: string): EffectivePreference {
  for (const p of preferences) if (p.purpose === code) return p;
  // Failing closed here would silently exclude; failing open would be unlawful. Neither is acceptable
  // for a bulk release, so incomplete input stops the run.
  throw new RangeError(`no effective preference for requested purpose ${code}`);
}
