import type { Statement } from '@reuse-pref/schema';
import type { PupilQuery, StoredStatement } from '@reuse-pref/store';
import type { Services } from '../services.js';
import { isAbout } from './pupil-ref.js';

/** The statements held about the pupil the path names, in the order the store returned them. */
export async function pupilHistory(services: Services, query: PupilQuery): Promise<Statement[]> {
  return aboutPupil(await services.store.statements.pupilHistory(query), query);
}

/** The store matches any shared identifier; the path names one key, and only that key counts. */
export function aboutPupil(stored: readonly StoredStatement[], query: PupilQuery): Statement[] {
  return stored.map((s) => s.statement).filter((s) => isAbout(s, query));
}
