import type { ExpressedBy } from '@reuse-pref/schema';

/** The roles the form can ask about; SCH ("recorded by the school on instruction") is not a person answering. */
export type RespondentRole = 'PAR' | 'CAR' | 'PUP' | 'CORP' | 'REP';

export const RESPONDENT_ROLES: readonly RespondentRole[] = ['PAR', 'CAR', 'PUP', 'CORP', 'REP'];

/**
 * Someone who may answer for this pupil, as the host (the MIS or portal) knows them: the MIS contact id
 * makes "the same person" well defined across statements, which resolver rule 3 depends on.
 */
export interface Respondent {
  readonly role: RespondentRole;
  /** The MIS contact id; for the pupil, the pupil's own reference. */
  readonly personRef: string;
  /** Shown in "Who is answering?"; never recorded in the statement. */
  readonly name: string;
}

export function expressedBy(respondent: Respondent): ExpressedBy {
  return { role: respondent.role, personRef: respondent.personRef };
}
