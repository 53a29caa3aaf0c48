import { randomUUID } from 'node:crypto';
import { DEFAULT_COMPETENCE_AGE, resolve } from '@reuse-pref/resolver';
import type { OnwardShare, Subject } from '@reuse-pref/schema';
import type { JsonValue, PupilQuery, StatementStore } from '@reuse-pref/store';

/** The append-only ledger of one school's onward-share decisions. */
export const onwardShareLedger = (urn: string) => `relay:onward-shares:${urn}`;

export interface OnwardShareRequest {
  urn: string;
  app: OnwardShare['app'];
  /** The pupil as the relay knows them: any of upn, uln, localId (local ids within `urn`). */
  subject: Subject;
  now?: Date;
  competenceAge?: number;
}

/**
 * A relay about to pass a pupil's record to an app asks this first: it resolves the pupil's effective
 * `APPS` preference from the statements held for that school, records the decision (shared or withheld)
 * in the school's onward-share ledger, and returns it. The caller sends the record only when `shared`.
 */
export async function decideOnwardShare(
  store: Pick<StatementStore, 'statements' | 'ledgers'>,
  request: OnwardShareRequest,
): Promise<OnwardShare> {
  const now = request.now ?? new Date();
  const { subject } = request;
  const query: PupilQuery = {
    urn: request.urn,
    ...(subject.upn ? { upn: subject.upn } : {}),
    ...(subject.uln ? { uln: subject.uln } : {}),
    ...(subject.localId ? { localId: subject.localId } : {}),
  };
  const statements = (await store.statements.pupilHistory(query))
    .map((s) => s.statement)
    .filter((s) => s.setting.urn === request.urn);
  const preferences = resolve({
    statements,
    subject,
    asOf: now,
    competenceAge: request.competenceAge ?? DEFAULT_COMPETENCE_AGE,
  }).preferences;
  const apps = preferences.find((p) => p.purpose === 'APPS');
  const { dateOfBirth: _dob, ...identifiers } = subject;
  const decision: OnwardShare = {
    id: randomUUID(),
    app: request.app,
    subject: identifiers,
    // No APPS purpose in the catalogue would mean nothing permits the share: withhold.
    shared: apps?.shared ?? false,
    default: apps?.default ?? true,
    decidedBy: apps?.decidedBy ?? null,
    decidedAt: now.toISOString(),
  };
  await store.ledgers.append(onwardShareLedger(request.urn), decision as unknown as JsonValue);
  return decision;
}
