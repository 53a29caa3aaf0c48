import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import { harnessProtocolDocument, PROTOCOL_SCHEMA_ID } from './document.js';
import { type Capability, type ProtocolMessages, ResponseTo } from './messages.js';

let ajv: Ajv2020 | undefined;

/** The compiled check for one `$defs` entry of the protocol document (compiled once, on first use). */
function checkOf(name: keyof typeof ProtocolMessages): ValidateFunction {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addSchema(harnessProtocolDocument());
  }
  return ajv.getSchema(`${PROTOCOL_SCHEMA_ID}#/$defs/${name}`)!;
}

/**
 * The problem to show from Ajv's errors. A reply may be one of several messages (a result, skipped,
 * errored), so every branch reports; the deepest problem is in the branch the reply meant to be:
 * "/result/preferences/3/shared must be boolean" rather than "must have required property 'skipped'".
 */
function describe(errors: readonly ErrorObject[]): string {
  const deepest = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
  if (!deepest) return 'is not valid';
  const where = deepest.instancePath === '' ? '(the whole reply)' : deepest.instancePath;
  const params = deepest.params as Record<string, unknown>;
  const named = deepest.keyword === 'additionalProperties' ? `: ${String(params.additionalProperty)}` : '';
  return `${where} ${deepest.message ?? 'is not valid'}${named}`;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Why a harness reply is not a message the protocol allows there, or undefined when it is. The answer
 * names the message and the JSON Pointer of the problem, e.g. `resolveResponse: /result/preferences/3/
 * shared must be boolean`. `to` is what the reply answers: `start`, or the kind of a run.
 */
export function replyProblem(to: 'start' | Capability, reply: unknown): string | undefined {
  const name = to === 'start' ? 'startResponse' : ResponseTo[to];
  const check = checkOf(name);
  if (check(reply)) return undefined;
  if (
    name !== 'startResponse' &&
    isObject(reply) &&
    !['result', 'skipped', 'errored'].some((k) => k in reply)
  ) {
    return `${name}: (the whole reply) must have one of result, skipped, errored`;
  }
  return `${name}: ${describe(check.errors ?? [])}`;
}
