import type { Harness } from '../protocol/client.js';
import type {
  Capability,
  ResolveRefusal,
  ResolveResult,
  RunResponse,
  ValidateResult,
} from '../protocol/messages.js';
import type { Status, TestResult } from '../report/result.js';
import { compareRefusal, compareResolution, compareSubject, compareValidation } from './compare.js';
import type { VectorCase, VectorFile } from './load.js';
import { orders, pointerInOrder } from './orders.js';

/** History cases (id "history-…") give an array of statements for validate-history. */
const isHistoryCase = (c: VectorCase) => c.id.startsWith('history-');

function outcome(response: RunResponse): { status: Status; message?: string; result?: unknown } {
  if ('result' in response) return { status: 'pass', result: response.result };
  if ('skipped' in response)
    return { status: 'unsupported', message: `harness skipped: ${response.skipped?.message}` };
  if ('errored' in response) return { status: 'errored', message: response.errored?.message ?? 'errored' };
  return { status: 'errored', message: `harness answered ${JSON.stringify(response)}` };
}

/**
 * Runs every validation and resolver vector through a started harness. Resolver cases run in three
 * statement orders; a test passes only if all three agree with the vector.
 */
export async function runVectors(
  harness: Harness,
  files: readonly VectorFile[],
  capabilities: readonly Capability[],
): Promise<TestResult[]> {
  const results: TestResult[] = [];
  for (const file of files) {
    for (const c of file.cases) {
      const header = { section: c.section, level: c.level, suite: file.kind };
      if (file.kind === 'validation') {
        const kind = isHistoryCase(c) ? 'validate-history' : 'validate';
        for (const t of c.tests) {
          const started = performance.now();
          const base = { ...header, id: `${c.id}/${t.id}`, description: t.description ?? c.description };
          if (!capabilities.includes(kind)) {
            results.push({
              ...base,
              status: 'unsupported',
              message: `harness does not declare ${kind}`,
              durationMs: 0,
            });
            continue;
          }
          const input =
            kind === 'validate'
              ? { data: t.data, ...(c.options ? { options: c.options } : {}) }
              : { data: t.data };
          const o = outcome(await harness.run({ id: base.id, kind, input } as never));
          const message =
            o.status === 'pass' ? compareValidation(o.result as ValidateResult, t.expect) : o.message;
          const status = o.status === 'pass' && message ? 'fail' : o.status;
          results.push({
            ...base,
            status,
            ...(message ? { message } : {}),
            durationMs: performance.now() - started,
          });
        }
        continue;
      }
      const started = performance.now();
      const given = c.input!.statements;
      const answers: [string, ReturnType<typeof outcome>, unknown[]][] = [];
      if (capabilities.includes('resolve')) {
        for (const [order, statements] of orders(given, c.id)) {
          const input = { ...c.input!, statements };
          answers.push([
            order,
            outcome(await harness.run({ id: `${c.id}#${order}`, kind: 'resolve', input })),
            statements,
          ]);
        }
      }
      const perTest = (performance.now() - started) / c.tests.length;
      for (const t of c.tests) {
        const base = { ...header, id: `${c.id}/${t.id}`, description: t.description ?? c.description };
        if (answers.length === 0) {
          results.push({
            ...base,
            status: 'unsupported',
            message: 'harness does not declare resolve',
            durationMs: 0,
          });
          continue;
        }
        let status: Status = 'pass';
        const messages: string[] = [];
        const refused = (t.expect.refused as { pointer: string } | undefined)?.pointer;
        for (const [order, o, statements] of answers) {
          const result = o.result as ResolveResult | ResolveRefusal;
          const why =
            o.status !== 'pass'
              ? o.message
              : refused !== undefined
                ? compareRefusal(result, pointerInOrder(refused, given, statements))
                : 'subject' in t.expect
                  ? compareSubject(result, t.expect.subject)
                  : compareResolution(result, t.purpose!, t.expect);
          if (!why) continue;
          if (status === 'pass') status = o.status === 'pass' ? 'fail' : o.status;
          messages.push(`${order} order: ${why}`);
        }
        results.push({
          ...base,
          status,
          ...(messages.length ? { message: messages.join(' | ') } : {}),
          durationMs: perTest,
        });
      }
    }
  }
  return results;
}
