import { ageOn } from '@reuse-pref/resolver';
import type { Choice, RecordedBy, Setting, Statement, Subject } from '@reuse-pref/schema';
import { type PurposeCatalogue, SPEC_VERSION } from '@reuse-pref/schema/catalogue';
import type { Channel, ChoiceValue } from './codes.js';
import { type CompetenceAnswer, competenceBasisFor } from './competence.js';
import { expressedBy, type Respondent } from './respondent.js';

/** What the host page knows before anyone answers: who the form is about and who records it. */
export interface StatementContext {
  readonly subject: Subject;
  readonly setting: Setting;
  readonly notice: { readonly id: string; readonly version: string };
  /** BCP 47 tag of the language the person read the form and notice in. */
  readonly language: string;
  readonly recordedBy: RecordedBy;
  readonly channel: Channel;
  readonly catalogue: PurposeCatalogue;
  readonly competenceAge: number;
}

/** What the person said, and when. */
export interface StatementAnswers {
  readonly id: string;
  readonly respondent: Respondent;
  readonly competence?: CompetenceAnswer;
  /** Purpose code to answer; unanswered purposes are left out, so they keep their earlier or default value. */
  readonly answers: ReadonlyMap<string, ChoiceValue>;
  readonly grounds?: ReadonlyMap<string, string>;
  readonly expressedAt: string;
  readonly recordedAt: string;
}

/** Whole years on the calendar date of `on`, counted as the validator and resolver count them. */
export function ageOnDate(dateOfBirth: string | undefined, on: string): number | undefined {
  if (dateOfBirth === undefined) return undefined;
  const age = ageOn(dateOfBirth, on);
  return Number.isNaN(age) ? undefined : age;
}

/**
 * The statement one filled-in form makes. Choices follow the catalogue's order; a purpose of kind `none`
 * never gets one, whatever `answers` holds, because the validator rejects it (purpose-takes-no-choice).
 */
export function buildStatement(context: StatementContext, answers: StatementAnswers): Statement {
  const { respondent } = answers;
  const age = ageOnDate(context.subject.dateOfBirth, answers.expressedAt);
  const basis = competenceBasisFor(respondent.role, age, context.competenceAge, answers.competence);
  const choices: Choice[] = [];
  for (const purpose of context.catalogue.purposes) {
    const value = answers.answers.get(purpose.code);
    if (purpose.kind === 'none' || value === undefined) continue;
    const grounds = value === 'OBJT' ? answers.grounds?.get(purpose.code)?.trim() : undefined;
    choices.push({ purpose: purpose.code, value, ...(grounds ? { grounds } : {}) });
  }
  return {
    id: answers.id,
    specVersion: SPEC_VERSION,
    catalogueVersion: context.catalogue.catalogueVersion,
    subject: context.subject,
    setting: context.setting,
    expressedBy: expressedBy(respondent),
    ...(basis ? { competenceBasis: basis } : {}),
    expressedAt: answers.expressedAt,
    recordedAt: answers.recordedAt,
    recordedBy: context.recordedBy,
    channel: context.channel,
    notice: { id: context.notice.id, version: context.notice.version, language: context.language },
    choices,
  };
}
