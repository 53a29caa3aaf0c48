import { ProtocolMessages } from './messages.js';

export const PROTOCOL_SCHEMA_ID =
  'https://schemas.reuse-pref.org/v1/conformance/harness-protocol.schema.json';

const to = (name: keyof typeof ProtocolMessages) => ({ $ref: `#/$defs/${name}` });

/**
 * conformance/protocol/harness-protocol.schema.json: every message of messages.ts under `$defs`, plus
 * `request` and `response` (any message one side may write). Generated, checked in and drift-tested; the
 * runner checks replies against the same definitions.
 */
export function harnessProtocolDocument() {
  // A JSON round trip leaves plain JSON Schema: TypeBox marks its schemas with symbol keys.
  const defs = JSON.parse(JSON.stringify(ProtocolMessages)) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: PROTOCOL_SCHEMA_ID,
    title: 'Reuse Preference conformance harness protocol, version 1',
    description:
      'One JSON object per line. The runner writes a request to the harness\u2019s stdin; the harness writes exactly one response line to stdout for start and for each run, and none for stop. Anything on stderr is passed through as the harness\u2019s own log. Generated from packages/conformance/src/protocol/messages.ts.',
    $defs: {
      request: {
        description: 'Any line the runner writes',
        anyOf: [
          to('start'),
          to('validateRun'),
          to('validateHistoryRun'),
          to('resolveRun'),
          to('verifySignatureRun'),
          to('signStatementRun'),
          to('stop'),
        ],
      },
      response: {
        description:
          'Any line a harness writes: the answer to start, or to a run of the kind asked (validateResponse for validate and validate-history, resolveResponse for resolve, verifySignatureResponse for verify-signature, signStatementResponse for sign-statement)',
        anyOf: [
          to('startResponse'),
          to('validateResponse'),
          to('resolveResponse'),
          to('verifySignatureResponse'),
          to('signStatementResponse'),
        ],
      },
      ...defs,
    },
  };
}

/** The checked-in text of the document. */
export function renderHarnessProtocolSchema(): string {
  return `${JSON.stringify(harnessProtocolDocument(), null, 2)}\n`;
}
