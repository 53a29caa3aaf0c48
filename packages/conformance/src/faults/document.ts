import { FaultExit, FaultName } from './vocabulary.js';

export const FAULT_HOOK_SCHEMA_ID = 'https://schemas.reuse-pref.org/v1/conformance/fault-hook.schema.json';

/**
 * conformance/protocol/fault-hook.schema.json: the fault names a run may pass to a vendor's fault
 * command, and what its exit status means. Generated from vocabulary.ts, checked in and drift-tested.
 */
export function faultHookDocument() {
  // A JSON round trip leaves plain JSON Schema: TypeBox marks its schemas with symbol keys.
  const plain = (schema: unknown) => JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: FAULT_HOOK_SCHEMA_ID,
    title: 'Reuse Preference conformance fault hook, version 1',
    description:
      'With `run --fault-command "<cmd>"` the runner runs `<cmd> <fault name>` (one argument, through the shell, with the environment of the run) at a scenario step `{"fault": <name>}` and waits for it to exit before the next step. The hook causes the fault to the service under test as its operator could, and exits 0 once it is in force. Generated from packages/conformance/src/faults/vocabulary.ts.',
    $defs: { faultName: plain(FaultName), exit: plain(FaultExit) },
  };
}

/** The checked-in text of the document. */
export function renderFaultHookSchema(): string {
  return `${JSON.stringify(faultHookDocument(), null, 2)}\n`;
}
