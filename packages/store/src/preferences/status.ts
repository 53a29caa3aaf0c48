import { LatestCatalogue } from '@reuse-pref/schema';
import { PreferenceIndexIncompleteError } from '../errors.js';
import type { PreferenceIndexStatus } from '../ports/preferences.js';
import type { IndexParameters } from './index-entry.js';

export function statusOf(
  catalogueVersion: string,
  competenceAge: number,
  statements: number,
  indexedStatements: number,
  subjects: number,
): PreferenceIndexStatus {
  const complete = statements === indexedStatements;
  return {
    complete,
    current: complete && catalogueVersion === LatestCatalogue.catalogueVersion,
    statements,
    indexedStatements,
    subjects,
    catalogueVersion,
    competenceAge,
  };
}

export function checkParameters(parameters: IndexParameters, wanted?: number): void {
  if (wanted !== undefined && wanted !== parameters.competenceAge) {
    throw new PreferenceIndexIncompleteError(
      `the preferences index is built for competence age ${parameters.competenceAge}, not ${wanted}: reindex with --competence-age ${wanted}`,
    );
  }
}

export function checkCompetenceAge(age: number): void {
  if (!Number.isInteger(age) || age < 0 || age > 25) {
    throw new RangeError(`competence age must be a whole number of years from 0 to 25, got ${age}`);
  }
}
