import type { Finding, Statement } from '@reuse-pref/schema';
import { mayTouchSchool, type Principal } from '../auth/principal.js';
import type { StatementValidator } from './statement-validator.js';

export type CheckedStatement =
  | { ok: true; statement: Statement; queries: Finding[] }
  | {
      ok: false;
      /** The record's id when it has a well-formed one, so a rejection can still name the statement. */
      id?: string;
      errors: Finding[];
      queries: Finding[];
      /** What a rejection reports: every error, then every query. */
      findings: Finding[];
    };

/**
 * Validates one parsed record. With `urn` (a per-school path) the statement must be about that school:
 * a school's endpoint only ever holds its own statements, or its change feed would leak others'. With
 * `principal` (the intake) the statement's school must be in the token's scopes.
 */
export function checkStatement(
  validator: StatementValidator,
  value: unknown,
  urn: string | undefined,
  principal?: Principal,
): CheckedStatement {
  const result = validator.validate(value);
  const errors = [...result.errors];
  const settingUrn = readSettingUrn(value);
  if (urn !== undefined && settingUrn !== undefined && settingUrn !== urn) {
    errors.push({
      rule: 'setting-urn-mismatch',
      severity: 'error',
      pointer: '/setting/urn',
      message: `setting.urn: ${settingUrn} is not the school in the request path (${urn})`,
    });
  }
  if (principal && settingUrn !== undefined && !mayTouchSchool(principal, settingUrn)) {
    errors.push({
      rule: 'school-not-in-scope',
      severity: 'error',
      pointer: '/setting/urn',
      message: `setting.urn: the token has no school:${settingUrn} scope`,
    });
  }
  if (errors.length === 0) return { ok: true, statement: value as Statement, queries: result.queries };
  const id = readId(value);
  const findings = [...errors, ...result.queries];
  return { ok: false, errors, queries: result.queries, findings, ...(id ? { id } : {}) };
}

export function readSettingUrn(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const setting = (value as { setting?: unknown }).setting;
  if (typeof setting !== 'object' || setting === null) return undefined;
  const urn = (setting as { urn?: unknown }).urn;
  return typeof urn === 'string' ? urn : undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The record's id when it has a well-formed one, so a rejection can still name the statement. */
export function readId(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' && UUID.test(id) ? id : undefined;
}
