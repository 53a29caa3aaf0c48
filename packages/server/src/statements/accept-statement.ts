import type { OperationId, RequestBody, Schema } from '@reuse-pref/contract';
import type { Finding, Statement, StatementReceipt } from '@reuse-pref/schema';
import type { AppendOutcome } from '@reuse-pref/store';
import { requireSchool } from '../auth/authorise.js';
import type { Principal } from '../auth/principal.js';
import { parseJson } from '../http/parse-json.js';
import { type ProblemBody, problem } from '../http/problem.js';
import type { Sent } from '../http/types.js';
import type { ContractContext } from '../operation.js';
import { signAsRecorded } from '../signing/statement-signing.js';
import { checkStatement, readSettingUrn } from './check-statement.js';
import { capFindings } from './findings-cap.js';

/** The operations whose request body is one statement: the only ones that may accept a statement. */
export type StatementWrite = {
  [Id in OperationId]: [RequestBody<Id>] extends [Schema<'Statement'>] ? Id : never;
}[OperationId];

/** What the route adds to the standard checks. */
/** A store's refusal: a precondition it checked under its lock failed, so nothing was appended. */
type Refused = { outcome: 'refused' };

export interface StatementRoute<R extends AppendOutcome | Refused = AppendOutcome> {
  /** The school in the request path: the statement must be about it. */
  urn?: string;
  /**
   * The token's schools bound the statement's school (the intake, which has no school in its path).
   * Checked before validation, so a token for one school learns nothing about another's statements.
   */
  principal?: Principal;
  /** A check on a valid statement that only this route makes (the pupil route: the path's pupil). */
  also?: (statement: Statement) => { detail: string; errors: Finding[] } | undefined;
  /**
   * How to store it; the plain append by default. `refused` (a precondition the store checked under
   * its lock failed) is passed back to the route, which knows what to answer.
   */
  append?: (statement: Statement) => Promise<R>;
}

type Rejection = Sent<
  422,
  'application/problem+json',
  ProblemBody<{ detail: string; errors: Finding[]; findingsOmitted?: number }>
>;

export type Acceptance<S, R extends AppendOutcome | Refused> =
  | { outcome: 'rejected'; response: Rejection }
  | Extract<R, Refused>
  | { outcome: 'stored' | 'duplicate'; statement: S; receipt: StatementReceipt };

/**
 * Accepting one statement, the same on every route that takes one: parse the body, validate it with the
 * route's own checks, refuse it with 422 (every error and query listed, nothing stored) or store it and
 * make its receipt (stored or duplicate, when it was stored, and the queries the school must explain).
 * The statement it hands back is the operation's request body as openapi.yaml types it.
 */
export async function acceptStatement<
  Id extends StatementWrite,
  R extends AppendOutcome | Refused = AppendOutcome,
>(
  { body, services }: ContractContext<Id>,
  route: StatementRoute<R> = {},
): Promise<Acceptance<RequestBody<Id>, R>> {
  const { limits } = services;
  const value = parseJson(body, { maxDepth: limits.maxDepth, maxMembers: limits.maxFields });
  if (route.principal) {
    const urn = readSettingUrn(value);
    if (urn !== undefined) requireSchool(urn, route.principal);
  }
  const checked = checkStatement(services.validator(), value, route.urn, route.principal);
  if (!checked.ok) {
    const detail = `${checked.errors.length} error(s); nothing was stored.`;
    return {
      outcome: 'rejected',
      response: rejection(detail, capFindings(checked.findings, limits.maxFindingsPerRecord)),
    };
  }
  const refused = route.also?.(checked.statement);
  if (refused) {
    const errors = capFindings(refused.errors, limits.maxFindingsPerRecord);
    return { outcome: 'rejected', response: rejection(refused.detail, errors) };
  }
  // A producer given a key stores, and so serves, the statement signed (spec/v1/signatures.md 3).
  const recorded =
    services.role === 'producer' && services.signing
      ? await signAsRecorded(services.signing, services.store, checked.statement)
      : checked.statement;
  const append = route.append ?? ((s: Statement) => services.store.statements.append(s) as Promise<R>);
  const appended: AppendOutcome | Refused = await append(recorded);
  if (appended.outcome === 'refused') return appended as Extract<R, Refused>;
  const stored = await services.store.statements.get(appended.id, checked.statement.setting.urn);
  const receipt: StatementReceipt = {
    statementId: appended.id,
    outcome: appended.outcome,
    storedAt: stored?.storedAt ?? services.now().toISOString(),
    queries: capFindings(checked.queries, limits.maxFindingsPerRecord).findings,
  };
  // The validated model Statement is the operation's request body: StatementWrite admits only operations
  // whose body is the contract's Statement, and a type test holds the model and the contract equal.
  const statement = recorded as RequestBody<Id>;
  return { outcome: appended.outcome, statement, receipt };
}

const rejection = (detail: string, { findings, omitted }: ReturnType<typeof capFindings>): Rejection =>
  problem('validation-failed', {
    detail,
    errors: findings,
    ...(omitted > 0 ? { findingsOmitted: omitted } : {}),
  });

/** Where a stored statement is read back (the Location of every statement write). */
export const statementLocation = (urn: string, statementId: string) =>
  `/schools/${urn}/statements/${statementId}`;
