import { catalogueRules } from './catalogue/index.js';
import { competenceRules } from './competence/index.js';
import { dateRules } from './dates/index.js';
import { historyRules } from './history/index.js';
import { identifierRules } from './identifiers/index.js';
import type { AnyRule, HistoryRule, Rule, SchemaRule, StatementRule } from './rule.js';
import { schemaRules } from './schema/index.js';
import { transferRules } from './transfer/index.js';
import { versionRules } from './version/index.js';

/**
 * Every rule, one file each, grouped by what it looks at (ajv's vocabularies are the model), in the
 * order of the table in spec/v1/validation.md, which is generated from it. Ids are permanent: a rule may
 * be reworded, never renamed or reused, because suppliers key their own help text and reports on them
 * (as MIS suppliers do with CBDS rule numbers). Statement rules run, and report, in this order.
 */
export const ruleModules = [
  ...schemaRules,
  ...versionRules,
  ...identifierRules,
  ...catalogueRules,
  ...dateRules,
  ...competenceRules,
  ...transferRules,
  ...historyRules,
] as const satisfies readonly AnyRule[];

export type RuleId = (typeof ruleModules)[number]['id'];

type Rows<T extends readonly Rule[]> = { readonly [K in keyof T]: Pick<T[K], keyof Rule> };

/** The rule table as data (spec/v1/validation-rules.json): id, severity, field, message and why. */
export const rules = ruleModules.map(({ id, severity, field, message, why }) => ({
  id,
  severity,
  field,
  message,
  why,
})) as unknown as Rows<typeof ruleModules>;

export const ruleById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.id, r]));

const ofKind = <K extends AnyRule['kind']>(kind: K) =>
  ruleModules.filter((r): r is Extract<(typeof ruleModules)[number], { kind: K }> => r.kind === kind);

export const schemaRuleList: readonly SchemaRule[] = ofKind('schema');
export const statementRuleList: readonly StatementRule[] = ofKind('statement');
export const historyRuleList: readonly HistoryRule[] = ofKind('history');
