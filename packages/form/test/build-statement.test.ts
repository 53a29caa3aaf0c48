import { ChoiceValues, LatestCatalogue, PurposeKinds } from '@reuse-pref/schema';
import { createValidator } from '@reuse-pref/validator';
import { describe, expect, it } from 'vitest';
import {
  ANSWERS_BY_KIND,
  buildStatement,
  COMPETENCE_ANSWERS,
  type CompetenceAnswer,
  DEFAULT_RECORDED_BY,
  RESPONDENT_ROLES,
  type Respondent,
  type StatementContext,
} from '../src/index.js';

const AT = '2026-11-01T09:00:00.000Z';
const validator = createValidator({ now: AT });

/** A date of birth that makes the pupil `age` on AT's date (born the day before the birthday passes). */
const bornAged = (age: number) => `${2026 - age}-10-15`;

const context = (
  dateOfBirth: string | undefined,
  extra: Partial<StatementContext> = {},
): StatementContext => ({
  subject: { upn: 'B801200005001', localId: 'ADM-0001', ...(dateOfBirth ? { dateOfBirth } : {}) },
  setting: { urn: '137245', laEstab: '8014001' },
  notice: { id: 'OAK-PN', version: '2026.1' },
  language: 'en',
  recordedBy: DEFAULT_RECORDED_BY,
  channel: 'ONLN',
  catalogue: LatestCatalogue,
  competenceAge: 12,
  ...extra,
});

const person = (role: Respondent['role']): Respondent => ({ role, personRef: `REF-${role}`, name: role });

const answers = (
  respondent: Respondent,
  choices: Record<string, string>,
  competence?: CompetenceAnswer,
  grounds: Record<string, string> = {},
) => ({
  id: '3f0b3a9e-8d1c-4b6f-9a57-2f1d6c0e4b21',
  respondent,
  ...(competence ? { competence } : {}),
  answers: new Map(Object.entries(choices)) as Map<string, never>,
  grounds: new Map(Object.entries(grounds)),
  expressedAt: AT,
  recordedAt: AT,
});

describe('buildStatement: who answers and why, for every role, age and competence answer', () => {
  const ages: (number | undefined)[] = [7, 11, 12, 13, 16, undefined];
  const cases = RESPONDENT_ROLES.flatMap((role) =>
    ages.flatMap((age) =>
      [...COMPETENCE_ANSWERS, undefined].map((competence) => ({ role, age, competence })),
    ),
  );

  it.each(cases)('$role, pupil aged $age, competence answer $competence', ({ role, age, competence }) => {
    const statement = buildStatement(
      context(age === undefined ? undefined : bornAged(age)),
      answers(person(role), { LINK: 'OBJT' }, competence),
    );
    const result = validator.validate(statement);
    expect(result.errors).toEqual([]);

    const competent = age !== undefined && age >= 12;
    let basis: string | undefined;
    let queries: string[] = [];
    if (role === 'PUP') {
      basis = competent ? 'PR12' : undefined;
      if (age === undefined) queries = ['pupil-age-unknown'];
      else if (!competent) queries = ['pupil-under-competence-age'];
    } else if (competent) {
      basis = competence === 'AUTH' || competence === 'BINT' ? competence : undefined;
      if (!basis) queries = ['parent-for-competent-pupil'];
    }
    expect(statement.competenceBasis).toBe(basis);
    expect(result.queries.map((q) => q.rule)).toEqual(queries);
    expect(statement.expressedBy).toEqual({ role, personRef: `REF-${role}` });
  });
});

describe('buildStatement: answers', () => {
  const choosable = LatestCatalogue.purposes.filter((p) => p.kind !== 'none');

  it.each(
    choosable.flatMap((p) =>
      ANSWERS_BY_KIND[p.kind].map((value) => ({ purpose: p.code, kind: p.kind, value })),
    ),
  )('$purpose ($kind) answered $value is a valid statement recording exactly that', ({ purpose, value }) => {
    const statement = buildStatement(context(bornAged(9)), answers(person('PAR'), { [purpose]: value }));
    expect(validator.validate(statement)).toMatchObject({ valid: true, errors: [], queries: [] });
    expect(statement.choices).toEqual([{ purpose, value }]);
  });

  it.each(PurposeKinds.entries.map((k) => k.code))(
    'offers for kind %s exactly the values the validator accepts, less NOBT (never an answer)',
    (kind) => {
      const purpose = LatestCatalogue.purposes.find((p) => p.kind === kind)!;
      const accepted = ChoiceValues.entries
        .map((v) => v.code)
        .filter((value) => {
          const statement = buildStatement(context(bornAged(9)), answers(person('PAR'), { LINK: 'OBJT' }));
          const probe = { ...statement, choices: [{ purpose: purpose.code, value }] };
          return validator.validate(probe).valid;
        });
      expect([...ANSWERS_BY_KIND[kind]].sort()).toEqual(accepted.filter((v) => v !== 'NOBT').sort());
    },
  );

  it('never makes a choice for core education, leaves unanswered purposes out and keeps catalogue order', () => {
    const statement = buildStatement(
      context(bornAged(9)),
      answers(person('CAR'), { APPS: 'NOOB', EDUC: 'OBJT', STAT: 'REFU', COMM: 'CONS' }),
    );
    expect(statement.choices).toEqual([
      { purpose: 'STAT', value: 'REFU' },
      { purpose: 'COMM', value: 'CONS' },
      { purpose: 'APPS', value: 'NOOB' },
    ]);
  });

  it('keeps grounds with an objection only, trimmed, and drops blank ones', () => {
    const statement = buildStatement(
      context(bornAged(9)),
      answers(person('PAR'), { LINK: 'OBJT', POLC: 'NOOB', IMMI: 'OBJT' }, undefined, {
        LINK: '  We moved here to be safe.  ',
        POLC: 'not an objection',
        IMMI: '   ',
      }),
    );
    expect(statement.choices).toEqual([
      { purpose: 'LINK', value: 'OBJT', grounds: 'We moved here to be safe.' },
      { purpose: 'IMMI', value: 'OBJT' },
      { purpose: 'POLC', value: 'NOOB' },
    ]);
  });

  it('builds the whole statement: catalogue version pinned, notice in the language read, channel kept', () => {
    const statement = buildStatement(context('2013-06-12', { channel: 'PAPR', language: 'cy' }), {
      ...answers(person('PUP'), { AIDV: 'DECL' }),
      expressedAt: '2026-09-07T00:00:00+01:00',
    });
    expect(statement).toEqual({
      id: '3f0b3a9e-8d1c-4b6f-9a57-2f1d6c0e4b21',
      specVersion: '1.0.0',
      catalogueVersion: LatestCatalogue.catalogueVersion,
      subject: { upn: 'B801200005001', localId: 'ADM-0001', dateOfBirth: '2013-06-12' },
      setting: { urn: '137245', laEstab: '8014001' },
      expressedBy: { role: 'PUP', personRef: 'REF-PUP' },
      competenceBasis: 'PR12',
      expressedAt: '2026-09-07T00:00:00+01:00',
      recordedAt: AT,
      recordedBy: { supplierId: 'reuse-pref', system: '@reuse-pref/form' },
      channel: 'PAPR',
      notice: { id: 'OAK-PN', version: '2026.1', language: 'cy' },
      choices: [{ purpose: 'AIDV', value: 'DECL' }],
    });
    expect(validator.validate(statement)).toMatchObject({ valid: true, queries: [] });
  });
});
