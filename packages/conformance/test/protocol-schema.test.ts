import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import {
  type Harness,
  HarnessError,
  type HarnessImplementation,
  inProcessHarness,
  loadVectors,
  referenceImplementation as ref,
  runVectors,
  suiteRoot,
} from '../src/index.js';
import { renderHarnessProtocolSchema } from '../src/protocol/document.js';

const schemaPath = new URL('../../../conformance/protocol/harness-protocol.schema.json', import.meta.url);
const document = JSON.parse(readFileSync(schemaPath, 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
ajv.addSchema(document);
const valid = (def: string, value: unknown) => {
  const check = ajv.getSchema(`${document.$id}#/$defs/${def}`)!;
  return check(value) ? [] : (check.errors ?? []);
};
const files = loadVectors(suiteRoot());

describe('conformance/protocol/harness-protocol.schema.json', () => {
  it('is generated from src/protocol/messages.ts (run `pnpm --filter @reuse-pref/conformance generate`)', () => {
    expect(readFileSync(schemaPath, 'utf8')).toBe(renderHarnessProtocolSchema());
  });

  it('holds every request the runner sends and every reply of the reference harness', async () => {
    const requests: unknown[] = [];
    const replies: unknown[] = [];
    const inner = inProcessHarness(ref);
    let seq = 0;
    const recording: Harness = {
      start: () => inner.start(),
      stop: () => inner.stop(),
      async run(body) {
        requests.push({ cmd: 'run', seq: ++seq, ...body });
        const reply = await inner.run(body);
        replies.push(reply);
        return reply;
      },
    };
    const { capabilities } = await recording.start();
    await runVectors(recording, files, capabilities);
    expect(requests.length).toBeGreaterThan(500);
    expect(requests.map((r) => valid('request', r)).filter((e) => e.length > 0)).toEqual([]);
    expect(replies.map((r) => valid('response', r)).filter((e) => e.length > 0)).toEqual([]);
    expect(replies.some((r) => 'refused' in ((r as { result?: object }).result ?? {}))).toBe(true);
    for (const line of [{ cmd: 'start', version: 1 }, { cmd: 'stop' }])
      expect(valid('request', line)).toEqual([]);
    expect(valid('response', await inProcessHarness(ref).start())).toEqual([]);
  });
});

/** Runs the vectors against an implementation whose answers are broken as `broken` says. */
async function firstProblem(broken: Partial<HarnessImplementation>): Promise<string | undefined> {
  const harness = inProcessHarness({ ...ref, ...broken });
  const results = await runVectors(harness, files, (await harness.start()).capabilities);
  return results.find((r) => r.status === 'errored')?.message;
}

describe('a malformed reply is an error naming the message and the JSON Pointer', () => {
  it.each([
    [
      'a preference whose shared is a string',
      {
        resolve: () => ({
          preferences: [{ purpose: 'LINK', shared: 'no', value: 'OBJT', decidedBy: 'x', default: false }],
        }),
      },
      /resolveResponse: \/result\/preferences\/0\/shared must be boolean/,
    ],
    [
      'a validation result without queries',
      { validate: () => ({ valid: true, errors: [] }) as never },
      /validateResponse: \/result must have required property 'queries'/,
    ],
    [
      'a finding without a pointer',
      { validate: () => ({ valid: false, errors: [{ rule: 'field-type' }], queries: [] }) as never },
      /validateResponse: \/result\/errors\/0 must have required property 'pointer'/,
    ],
    [
      'a refusal without its pointer',
      { resolve: () => ({ refused: { message: 'bad time' } }) as never },
      /resolveResponse: \/result\/refused must have required property 'pointer'/,
    ],
    [
      'a result with a member the protocol does not have',
      { resolve: () => ({ preferences: [], extra: true }) as never },
      /resolveResponse: \/result must NOT have additional properties: extra/,
    ],
  ] as const)('%s', async (_name, broken, message) => {
    const got = await firstProblem(broken as Partial<HarnessImplementation>);
    expect(got).toMatch(
      /harness reply to run \S+ is malformed \(conformance\/protocol\/harness-protocol\.schema\.json\): /,
    );
    expect(got).toMatch(message);
  });

  it('a reply that is neither result, skipped nor errored says so', async () => {
    const { replyProblem } = await import('../src/protocol/replies.js');
    expect(replyProblem('resolve', { seq: 1 })).toBe(
      'resolveResponse: (the whole reply) must have one of result, skipped, errored',
    );
    expect(replyProblem('validate', { seq: 1, skipped: { message: 5 } })).toBe(
      'validateResponse: /skipped/message must be string',
    );
  });

  it('a malformed start is a HarnessError naming startResponse and the pointer', async () => {
    const harness = inProcessHarness({ ...ref, capabilities: ['validate', 'resolv' as never] });
    const error = await harness.start().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HarnessError);
    expect((error as Error).message).toMatch(/startResponse: \/capabilities\/1 must/);
  });
});
