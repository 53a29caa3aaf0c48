import type { ChoiceValue } from '../statement/codes.js';
import type { CompetenceAnswer } from '../statement/competence.js';

/** One problem the person must fix, shown in the summary and beside its field. */
export interface FieldError {
  /** The id of the element the summary links to (the first control of the group). */
  readonly target: string;
  /** Which group shows it inline: `who`, `competence`, `signed-on`, `purpose:CODE`, or `form`. */
  readonly field: string;
  readonly message: string;
}

/** What has been answered so far. The DOM shows it; this is what the statement is built from. */
export interface FormState {
  respondent: number | undefined;
  competence: CompetenceAnswer | undefined;
  readonly answers: Map<string, ChoiceValue>;
  readonly grounds: Map<string, string>;
  /** The date a paper form was signed (channel PAPR), YYYY-MM-DD. */
  signedOn: string;
}

export function emptyState(): FormState {
  return {
    respondent: undefined,
    competence: undefined,
    answers: new Map(),
    grounds: new Map(),
    signedOn: '',
  };
}
