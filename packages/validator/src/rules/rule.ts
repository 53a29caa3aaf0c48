import type { Finding } from '@reuse-pref/schema';
import type { ErrorObject } from 'ajv';
import type { Reading } from '../reading.js';

/** One row of the rule table in spec/v1/validation.md: what the rule is, for people and for data. */
export interface Rule {
  readonly id: string;
  readonly severity: Finding['severity'];
  /** The field the rule looks at, as a dotted path; `*` for rules that apply to any field. */
  readonly field: string;
  /** What the rule checks, in one line. */
  readonly message: string;
  /** Why the rule exists, in one line. */
  readonly why: string;
}

/** Reports one finding of the rule it was made for: where, and what exactly (the rule's message if not). */
export type Report = (pointer: string, detail?: string) => void;

/**
 * A rule the JSON Schema decides: it names the Ajv keywords whose failures are this rule, and says where
 * a failure points and what to tell the sender (undefined: the failure is said by another rule).
 */
export interface SchemaRule extends Rule {
  readonly kind: 'schema';
  readonly keywords: readonly string[];
  locate(error: ErrorObject, record: unknown): { pointer: string; detail: string } | undefined;
}

/** A rule over one statement, read once for every rule (reading.ts). */
export interface StatementRule extends Rule {
  readonly kind: 'statement';
  check(statement: Reading, report: Report): void;
}

/** A rule over the statements held for one subject (validation.md 7). */
export interface HistoryRule extends Rule {
  readonly kind: 'history';
  check(statements: readonly unknown[], report: Report): void;
}

export type AnyRule = SchemaRule | StatementRule | HistoryRule;

/*
 * The helpers below only fix `kind` and keep the literal id and severity in the type, so that RuleId is
 * the closed union of the table.
 */
export const schemaRule = <const R extends Omit<SchemaRule, 'kind'>>(rule: R) =>
  ({ kind: 'schema', ...rule }) as const;
export const statementRule = <const R extends Omit<StatementRule, 'kind'>>(rule: R) =>
  ({ kind: 'statement', ...rule }) as const;
export const historyRule = <const R extends Omit<HistoryRule, 'kind'>>(rule: R) =>
  ({ kind: 'history', ...rule }) as const;
