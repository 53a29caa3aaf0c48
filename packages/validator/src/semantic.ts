import type { Findings } from './findings.js';
import { type Context, forgetStatement, newReading, type Reading, readStatement } from './reading.js';
import { statementRuleList } from './rules/index.js';
import type { Report, StatementRule } from './rules/rule.js';

type Rec = Record<string, unknown>;

/**
 * One function that calls every check in table order, each from its own call site. A loop over the
 * rules would call 28 different functions from one site, which V8 cannot specialise; one site per rule
 * lets it inline the small ones (a census-sized file is validated on this path, record by record).
 * Generated like the fast schema check (fast-check.ts): the checks and reports are parameters, so no
 * rule text is ever put into the generated code.
 */
function callInOrder(checks: readonly { rule: StatementRule; report: Report }[]): (r: Reading) => void {
  const params = checks.flatMap((_, i) => [`check${i}`, `report${i}`]);
  const body = checks.map((_, i) => `check${i}(r, report${i});`).join('\n');
  return new Function(...params, `return function checkStatement(r) {\n${body}\n};`)(
    ...checks.flatMap(({ rule, report }) => [rule.check, report]),
  ) as (r: Reading) => void;
}

/**
 * The statement rules of one validator, bound once to its findings collector. The returned function
 * reads a record (an object) once and runs every statement rule over the reading, in table order. A
 * value the schema rejected (`rejected`) is not read, so no rule looks at it: one mistake, one finding.
 */
export function semanticChecks(
  context: Context,
  out: Findings,
): (record: Rec, rejected: Set<string> | undefined) => void {
  const reading = newReading(context);
  const checkStatement = callInOrder(
    statementRuleList.map((rule) => ({
      rule,
      report: (pointer: string, detail?: string) => out.add(rule, pointer, detail),
    })),
  );
  return (record, rejected) => {
    readStatement(reading, record, rejected);
    checkStatement(reading);
    forgetStatement(reading);
  };
}
