import { isDateTime, isFullDate, Statement } from '@reuse-pref/schema';
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import type { DataValidationCxt } from 'ajv/dist/types/index.js';
import { compileFastCheck } from './fast-check.js';
import type { Findings } from './findings.js';
import { codePointLengthKeywords } from './length-keywords.js';
import { patternEngine, patternMatcher } from './pattern-engine.js';
import { schemaRuleList } from './rules/index.js';
import type { SchemaRule } from './rules/rule.js';
import { fieldType } from './rules/schema/field-type.js';
import { isUuid } from './uuid.js';

let compiled: ValidateFunction | undefined;
let fast: ((value: unknown) => boolean) | undefined;

/** The formats a statement uses, read strictly (see spec/v1/validation.md 3) and without regexes. */
const formats = { uuid: isUuid, date: isFullDate, 'date-time': isDateTime } as const;

/**
 * The yes/no check from the same schema (see fast-check.ts): a record it passes is one Ajv would pass,
 * so Ajv, and the cost of compiling it, is only paid for records with something to report.
 */
export function fastStatementCheck(): (value: unknown) => boolean {
  fast ??= compileFastCheck(Statement, { formats, pattern: patternMatcher });
  return fast;
}

/** Compiled on first use and then shared by every validator in the process. */
function statementSchema(): ValidateFunction {
  if (compiled) return compiled;
  // strictRequired is off because `subject` says "one of upn/uln/localId" as anyOf [required...], with
  // the properties declared beside the anyOf rather than inside each branch: valid 2020-12 that the
  // check does not follow. Every other strict check is on.
  // messages: false because every finding gets its own message from the rule table (mapError): Ajv's
  // would be built for each error and thrown away, and make the compiled code a tenth larger.
  const ajv = new Ajv2020({
    allErrors: true,
    messages: false,
    strict: true,
    strictRequired: false,
    code: { regExp: patternEngine },
  });
  for (const [name, check] of Object.entries(formats)) ajv.addFormat(name, check);
  ajv.removeKeyword('minLength');
  ajv.removeKeyword('maxLength');
  ajv.addKeyword(codePointLengthKeywords);
  compiled = ajv.compile(Statement);
  return compiled;
}

const NO_ROOT = {};
const dataContext: DataValidationCxt = {
  instancePath: '',
  parentData: {},
  parentDataProperty: '',
  rootData: NO_ROOT,
  dynamicAnchors: {},
};

/** Each Ajv keyword the Statement schema uses, and the schema rule whose failures it is. */
const ruleOfKeyword: ReadonlyMap<string, SchemaRule> = new Map(
  schemaRuleList.flatMap((rule) => rule.keywords.map((keyword) => [keyword, rule] as const)),
);

function mapError(e: ErrorObject, root: unknown, out: Findings, bad: Set<string>): void {
  const rule = ruleOfKeyword.get(e.keyword);
  // The Statement schema uses no other keyword (a test pins this); a new one still reports, typed.
  const found = rule
    ? rule.locate(e, root)
    : { pointer: e.instancePath, detail: e.message ?? 'is not valid' };
  if (found === undefined) return;
  // Only a value the schema rejected itself is skipped by the semantic rules, not its parent object.
  if (found.pointer === e.instancePath) bad.add(e.instancePath);
  out.add(rule ?? fieldType, found.pointer, found.detail);
}

/**
 * Runs the JSON Schema. Returns the instance paths that failed (so semantic rules skip values the schema
 * already rejected), or undefined when the record passed.
 */
export function checkSchema(value: unknown, out: Findings): Set<string> | undefined {
  return fastStatementCheck()(value) ? undefined : checkWithAjv(value, out);
}

/** The full check: every schema error, mapped to rules. Exported for the test that holds the fast check to it. */
export function checkWithAjv(value: unknown, out: Findings): Set<string> | undefined {
  const validate = statementSchema();
  // Passing the data context saves the generated function building two objects for its defaults on
  // every call. Only rootData varies; it is cleared after so the context holds no record.
  dataContext.rootData = value as DataValidationCxt['rootData'];
  const ok = validate(value, dataContext);
  dataContext.rootData = NO_ROOT;
  if (ok) return undefined;
  const bad = new Set<string>();
  const errors = validate.errors ?? [];
  // A value of the wrong type also fails its enum: one mistake gives one finding.
  const typed = new Set<string>();
  for (const e of errors) if (e.keyword === 'type') typed.add(e.instancePath);
  for (const e of errors) {
    if (e.keyword === 'type' || !typed.has(e.instancePath)) mapError(e, value, out, bad);
  }
  return bad;
}

/** The keywords the Statement schema uses that map to a rule; exported for the test that pins them. */
export const mappedKeywords: readonly string[] = [...ruleOfKeyword.keys()];
