import { ageOn } from '@reuse-pref/resolver';
import { compareInstants } from '@reuse-pref/schema';
import type { CatalogueIndex } from './catalogues.js';
import { nextStamp } from './catalogues.js';
import type { Findings } from './findings.js';
import { checkDigitOf } from './uln.js';
import { checkLetterOf } from './upn.js';

/** What the semantic rules need from the validator options, resolved once. */
export interface Context {
  readonly nowMs: number;
  /** The clock's UTC date, YYYY-MM-DD. */
  readonly nowDate: string;
  readonly censusDate: string | undefined;
  readonly competenceAge: number;
  readonly catalogues: CatalogueIndex;
}

/** Clock skew allowed between the sender and the validator before a time counts as in the future. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

type Rec = Record<string, unknown>;

const isObject = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Semantic rules over a record that is an object. A field is looked at only when it has the right type
 * and the schema did not reject it (`bad`), so one mistake gives one finding.
 */
export function checkSemantics(s: Rec, ctx: Context, bad: Set<string> | undefined, out: Findings): void {
  const good: Good =
    bad === undefined ? isString : (pointer, v): v is string => typeof v === 'string' && !bad.has(pointer);

  const specVersion = s.specVersion;
  if (good('/specVersion', specVersion)) {
    const major = Number(specVersion.slice(0, specVersion.indexOf('.')));
    if (major !== 1) out.add('spec-version-unsupported', '/specVersion', `major version ${major} is not 1`);
  }

  let dob: string | undefined;
  let dobMissing = false;
  const subject = s.subject;
  if (isObject(subject)) {
    const upn = subject.upn;
    if (good('/subject/upn', upn)) {
      const expected = checkLetterOf(upn);
      if (expected !== upn[0]) {
        out.add('upn-check-letter', '/subject/upn', `check letter is ${upn[0]}, expected ${expected}`);
      }
      if (upn.charCodeAt(12) > 57) out.add('upn-temporary', '/subject/upn', 'is a temporary UPN');
    }
    const uln = subject.uln;
    if (good('/subject/uln', uln)) {
      const check = checkDigitOf(uln);
      if (check === undefined) {
        out.add(
          'uln-check-digit',
          '/subject/uln',
          'digits 1 to 9 give remainder 0: no ULN is issued with them',
        );
      } else if (uln.charCodeAt(9) - 48 !== check) {
        out.add('uln-check-digit', '/subject/uln', `check digit is ${uln[9]}, expected ${check}`);
      }
    }
    const d = subject.dateOfBirth;
    if (good('/subject/dateOfBirth', d)) {
      dob = d;
      if (d > ctx.nowDate)
        out.add('date-of-birth-in-future', '/subject/dateOfBirth', `${d} is after ${ctx.nowDate}`);
    } else dobMissing = d === undefined;
  }

  checkChoices(s, ctx, good, bad, out);

  const expressedAt = s.expressedAt;
  let expressed: string | undefined;
  let age: number | undefined;
  if (good('/expressedAt', expressedAt)) {
    expressed = expressedAt;
    const day = expressedAt.slice(0, 10);
    if (compareInstants(expressedAt, ctx.nowMs + FUTURE_TOLERANCE_MS) > 0) {
      out.add('expressed-at-in-future', '/expressedAt', 'is more than 5 minutes after the validator clock');
    }
    if (ctx.censusDate !== undefined && day > ctx.censusDate) {
      out.add('expressed-after-census-date', '/expressedAt', `${day} is after census date ${ctx.censusDate}`);
    }
    if (dob !== undefined) {
      if (day < dob) {
        out.add('expressed-before-birth', '/expressedAt', `${day} is before date of birth ${dob}`);
      } else {
        age = ageOn(dob, day);
        if (age < 2 || age > 25) {
          out.add('date-of-birth-implausible', '/subject/dateOfBirth', `pupil was ${age} at expressedAt`);
        }
      }
    }
  }

  const recordedAt = s.recordedAt;
  let recorded: string | undefined;
  if (good('/recordedAt', recordedAt)) {
    recorded = recordedAt;
    if (compareInstants(recordedAt, ctx.nowMs + FUTURE_TOLERANCE_MS) > 0) {
      out.add('recorded-at-in-future', '/recordedAt', 'is more than 5 minutes after the validator clock');
    }
    if (expressed !== undefined && compareInstants(recordedAt, expressed) < 0)
      out.add('recorded-before-expressed', '/recordedAt', 'is before expressedAt');
  }

  checkCompetence(s, ctx, good, age, dobMissing, out);
  checkTransfer(s, good, expressed, recorded, out);
}

type Good = (pointer: string, v: unknown) => v is string;
const isString: Good = (_pointer, v): v is string => typeof v === 'string';

function checkChoices(s: Rec, ctx: Context, good: Good, bad: Set<string> | undefined, out: Findings): void {
  const choices = s.choices;
  if (!Array.isArray(choices)) return;
  const version = s.catalogueVersion;
  let entries = good('/catalogueVersion', version) ? ctx.catalogues.byVersion.get(version) : undefined;
  // An unknown version is queried once; its purposes are checked against the latest catalogue, but a
  // purpose missing there may be new in the sender's version, so it raises nothing.
  const versionKnown = entries !== undefined;
  if (!versionKnown) {
    if (good('/catalogueVersion', version)) {
      out.add('catalogue-version-unknown', '/catalogueVersion', `version ${version} is not known here`);
    }
    entries = ctx.catalogues.latest;
  }
  const call = nextStamp();
  for (let i = 0; i < choices.length; i++) {
    const c: unknown = choices[i];
    if (!isObject(c)) continue;
    const purpose = c.purpose;
    if (typeof purpose !== 'string' || bad?.has(`/choices/${i}/purpose`)) continue;
    const entry = entries!.get(purpose);
    if (entry === undefined) {
      if (versionKnown) {
        out.add(
          'purpose-unknown',
          `/choices/${i}/purpose`,
          `${purpose} is not in catalogue version ${version}`,
        );
      }
      // Codes outside the catalogue have no entry to stamp: look back (rare, so a scan is fine).
      const j = choices.findIndex((e: unknown) => isObject(e) && e.purpose === purpose);
      if (j < i)
        out.add('purpose-repeated', `/choices/${i}/purpose`, `${purpose} is already in choices[${j}]`);
      continue;
    }
    if (entry.seen === call) {
      const j = choices.findIndex((e: unknown) => isObject(e) && e.purpose === purpose);
      out.add('purpose-repeated', `/choices/${i}/purpose`, `${purpose} is already in choices[${j}]`);
    }
    entry.seen = call;
    if (entry.allowed === undefined) {
      out.add(
        'purpose-takes-no-choice',
        `/choices/${i}/purpose`,
        `${purpose} has kind none and takes no choice`,
      );
      continue;
    }
    const value = c.value;
    if (typeof value !== 'string' || bad?.has(`/choices/${i}/value`)) continue;
    if (!entry.allowed.has(value)) {
      out.add(
        'value-not-allowed-for-kind',
        `/choices/${i}/value`,
        `${value} is not allowed for ${purpose} (kind ${entry.kind}): use one of ${[...entry.allowed].join(' ')}`,
      );
    }
  }
}

function checkCompetence(
  s: Rec,
  ctx: Context,
  good: Good,
  age: number | undefined,
  dobMissing: boolean,
  out: Findings,
): void {
  const by = s.expressedBy;
  if (!isObject(by)) return;
  const role = by.role;
  if (!good('/expressedBy/role', role)) return;
  const basis = s.competenceBasis;
  // A basis the schema rejected leaves the competence question open: say nothing more about it.
  if (basis !== undefined && !good('/competenceBasis', basis)) return;
  const under = age !== undefined && age < ctx.competenceAge;
  if (role === 'PUP') {
    if (basis === 'AUTH' || basis === 'BINT') {
      out.add(
        'competence-basis-wrong-role',
        '/competenceBasis',
        `${basis} is not a basis for a pupil's own statement`,
      );
    }
    if (basis === 'PR12' && under) {
      out.add(
        'presumption-under-age',
        '/competenceBasis',
        `PR12 but the pupil was ${age} at expressedAt, under ${ctx.competenceAge}`,
      );
    }
    if (basis === 'ASSD' || basis === 'PR12') return;
    if (under) {
      out.add(
        'pupil-under-competence-age',
        '/expressedBy/role',
        `pupil was ${age} at expressedAt, under ${ctx.competenceAge}, and competence was not assessed (ASSD)`,
      );
    } else if (dobMissing) {
      out.add('pupil-age-unknown', '/subject/dateOfBirth', 'no date of birth, and no ASSD or PR12');
    }
    return;
  }
  if (basis === 'ASSD' || basis === 'PR12') {
    out.add(
      'competence-basis-wrong-role',
      '/competenceBasis',
      `${basis} is only for a pupil's own statement (role PUP)`,
    );
  }
  if (age !== undefined && !under && (basis === undefined || basis === 'NA')) {
    out.add(
      'parent-for-competent-pupil',
      '/competenceBasis',
      `pupil was ${age} at expressedAt (competence age ${ctx.competenceAge}); expected AUTH or BINT`,
    );
  }
}

/** True when both times were read and `a` is before `b`, every fraction digit counting. */
const before = (a: string, b: string | undefined) => b !== undefined && compareInstants(a, b) < 0;

function checkTransfer(
  s: Rec,
  good: Good,
  expressed: string | undefined,
  recorded: string | undefined,
  out: Findings,
): void {
  const channel = s.channel;
  const provenance = s.provenance;
  if (good('/channel', channel)) {
    if (channel === 'CTFI' && provenance === undefined) {
      out.add('ctf-provenance-missing', '/provenance', 'channel is CTFI but provenance is missing');
    } else if (channel !== 'CTFI' && provenance !== undefined) {
      out.add('provenance-without-ctf', '/provenance', `is given but channel is ${channel}, not CTFI`);
    }
  }
  if (!isObject(provenance)) return;
  const transferredAt = provenance.transferredAt;
  if (good('/provenance/transferredAt', transferredAt)) {
    if (before(transferredAt, expressed)) {
      out.add('transferred-before-expressed', '/provenance/transferredAt', 'is before expressedAt');
    }
    if (recorded !== undefined && before(recorded, transferredAt)) {
      out.add('recorded-before-transferred', '/recordedAt', 'is before provenance.transferredAt');
    }
  }
  const originalRecordedAt = provenance.originalRecordedAt;
  if (good('/provenance/originalRecordedAt', originalRecordedAt) && before(originalRecordedAt, expressed)) {
    out.add('original-recorded-before-expressed', '/provenance/originalRecordedAt', 'is before expressedAt');
  }
}
