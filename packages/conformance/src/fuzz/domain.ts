import { LatestCatalogue } from '@reuse-pref/schema';
import {
  createValidator,
  isValidUln,
  isValidUpn,
  ulnCheckDigit,
  upnCheckLetter,
} from '@reuse-pref/validator';
import fc from 'fast-check';

/**
 * Requests that are really valid, not only schema-shaped: a statement the reference validator accepts
 * (real UPNs and ULNs with their check characters, values the purpose's kind allows, times in order, a
 * competence basis that fits the role), bound to the school and pupil its request names; a school's
 * settings for the school in the path; a distribution request whose cohort members pass their checks.
 * Without them a fuzzer only ever explores the 422 path.
 */

export interface School {
  urn: string;
  laEstab: string;
}

/** The pupil a request names (its `{pupil}` path segment), as the statement's subject must name them. */
export type PupilKey = { upn: string } | { uln: string } | { localId: string };

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;
const CHOOSABLE = LatestCatalogue.purposes.filter((p) => p.kind !== 'none');
const VALUES: Record<string, readonly string[]> = {
  consent: ['CONS', 'DECL', 'REFU', 'NOBT'],
  objection: ['OBJT', 'NOOB', 'REFU', 'NOBT'],
};
const valuesFor = (kind: string) => VALUES[kind === 'consent' ? 'consent' : 'objection']!;

/** A valid permanent UPN: twelve digits and the check letter they give. */
export const upnArbitrary = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 })
  .map((d) => `${upnCheckLetter(`A${d.join('')}`)}${d.join('')}`);

/** A valid ULN: nine digits and the check digit they give (nine digits that give none are skipped). */
export const ulnArbitrary = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
  .map((d) => d.join(''))
  .filter((nine) => ulnCheckDigit(`${nine}0`) !== undefined)
  .map((nine) => `${nine}${ulnCheckDigit(`${nine}0`)}`);

/** The subject a `{pupil}` path segment names: a UPN, a ULN, or `local:` + the MIS id. */
export function pupilKeyOf(segment: string): PupilKey | undefined {
  if (isValidUpn(segment) || /^[A-HJ-NP-RT-Z][0-9]{11}[0-9A-HJ-NP-RT-Z]$/.test(segment))
    return { upn: segment };
  if (/^[0-9]{10}$/.test(segment)) return { uln: segment };
  if (segment.startsWith('local:') && segment.length > 6) return { localId: segment.slice(6) };
  return undefined;
}

const localRef = fc.stringMatching(/^[A-Z]{1,4}-[0-9]{1,6}$/);

/**
 * A `{pupil}` path segment a valid statement can be about: a UPN or ULN whose check character is right,
 * or `local:` and an MIS id. A segment that only matches the path pattern (a UPN with a wrong check
 * letter) names no pupil any valid statement can name, so a body bound to it could never be valid.
 */
export const pupilSegmentArbitrary: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: upnArbitrary, weight: 2 },
  { arbitrary: ulnArbitrary, weight: 1 },
  { arbitrary: localRef.map((id) => `local:${id}`), weight: 1 },
);

/** Whether a segment names a pupil a valid statement can be about (see pupilSegmentArbitrary). */
export const isStatementPupil = (segment: string): boolean =>
  isValidUpn(segment) ||
  isValidUln(segment) ||
  (segment.startsWith('local:') && /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/.test(segment.slice(6)));
const text = (max: number) =>
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: max }).map((s) => s.trim() || 'x');

/**
 * A statement the reference validator accepts at `now`, at `school`, about `pupil` (or a pupil it picks:
 * one of `known`, or a new one). Records the validator would refuse are filtered out, so a server's 422
 * for one of these is a finding, not noise.
 */
export function validStatement(options: {
  school: School;
  now: Date;
  pupil?: PupilKey;
  known?: readonly string[];
  competenceAge?: number;
}): fc.Arbitrary<Record<string, unknown>> {
  const validator = createValidator({ now: options.now, competenceAge: options.competenceAge ?? 12 });
  const nowMs = options.now.getTime();
  const known = (options.known ?? []).filter(isValidUpn);
  const subjectKey: fc.Arbitrary<PupilKey> = options.pupil
    ? fc.constant(options.pupil)
    : fc.oneof(
        ...(known.length > 0
          ? [{ arbitrary: fc.constantFrom(...known).map((upn) => ({ upn })), weight: 2 }]
          : []),
        { arbitrary: upnArbitrary.map((upn) => ({ upn })), weight: 2 },
        { arbitrary: ulnArbitrary.map((uln) => ({ uln })), weight: 1 },
        { arbitrary: localRef.map((localId) => ({ localId })), weight: 1 },
      );
  return fc
    .record({
      id: fc.uuid({ version: 4 }),
      key: subjectKey,
      // Expressed between three years and a minute ago; recorded a little after; born 4 to 17 years before.
      expressedAgo: fc.integer({ min: 60_000, max: 3 * 365 * DAY }),
      recordedAfter: fc.integer({ min: 0, max: 50_000 }),
      ageAt: fc.integer({ min: Math.ceil(4 * YEAR), max: Math.floor(17 * YEAR) }),
      withBirth: fc.boolean(),
      role: fc.constantFrom('PAR', 'PAR', 'PUP', 'CAR', 'CORP', 'REP', 'SCH'),
      basis: fc.constantFrom(undefined, 'NA', 'ASSD', 'PR12', 'AUTH', 'BINT'),
      personRef: localRef,
      channel: fc.constantFrom('PAPR', 'ONLN', 'MISE', 'EMAL', 'VERB', 'APIX'),
      purposes: fc.shuffledSubarray(CHOOSABLE, { minLength: 1, maxLength: 5 }),
      pick: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
      grounds: fc.option(text(60), { nil: undefined }),
      system: text(30),
      notice: fc.record({ id: localRef, version: text(10), language: fc.constantFrom('en', 'cy', 'en-GB') }),
    })
    .map((r) => {
      const expressedAt = new Date(nowMs - r.expressedAgo);
      const recordedAt = new Date(Math.min(expressedAt.getTime() + r.recordedAfter, nowMs - 1000));
      const born = new Date(expressedAt.getTime() - r.ageAt).toISOString().slice(0, 10);
      const competenceBasis =
        r.role === 'PUP'
          ? r.basis === 'AUTH' || r.basis === 'BINT'
            ? 'ASSD'
            : r.basis
          : r.basis === 'ASSD' || r.basis === 'PR12'
            ? 'NA'
            : r.basis;
      return {
        id: r.id,
        specVersion: '1.0.0',
        catalogueVersion: LatestCatalogue.catalogueVersion,
        subject: { ...r.key, ...(r.withBirth ? { dateOfBirth: born } : {}) },
        setting: { urn: options.school.urn, laEstab: options.school.laEstab },
        expressedBy: { role: r.role, personRef: r.personRef },
        ...(competenceBasis ? { competenceBasis } : {}),
        expressedAt: expressedAt.toISOString(),
        recordedAt: recordedAt.toISOString(),
        recordedBy: { supplierId: 'SUP-FUZZ', system: r.system },
        channel: r.channel,
        notice: r.notice,
        choices: r.purposes.map((p, i) => {
          const values = valuesFor(p.kind);
          return {
            purpose: p.code,
            value: values[r.pick[i]! % values.length]!,
            ...(i === 0 && r.grounds ? { grounds: r.grounds } : {}),
          };
        }),
      };
    })
    .filter((s) => validator.validate(s).errors.length === 0);
}

/** A distribution request's purposes: codes of the purpose catalogue (any other code is a stated 422). */
export const cataloguePurposes: fc.Arbitrary<string[]> = fc.shuffledSubarray(
  LatestCatalogue.purposes.map((p) => p.code),
  { minLength: 1, maxLength: 4 },
);

/** A pupil's key for a cohort: a valid UPN (known ones often, so decisions are made on real histories). */
export function cohortMember(known: readonly string[]): fc.Arbitrary<Record<string, string>> {
  const upns = known.filter(isValidUpn);
  return fc.oneof(
    ...(upns.length > 0 ? [{ arbitrary: fc.constantFrom(...upns).map((upn) => ({ upn })), weight: 3 }] : []),
    { arbitrary: upnArbitrary.map((upn) => ({ upn })), weight: 1 },
    { arbitrary: ulnArbitrary.filter(isValidUln).map((uln) => ({ uln })), weight: 1 },
  );
}
