import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { HarnessImplementation } from './implementation.js';
import {
  PROTOCOL_VERSION,
  type Request,
  type RunRequest,
  type RunResponse,
  type StartResponse,
} from './messages.js';

/** Answers one request line; undefined means "stop". Never throws: bad input is an errored answer. */
export async function answer(
  impl: HarnessImplementation,
  line: string,
): Promise<StartResponse | RunResponse | undefined> {
  let request: Request;
  try {
    request = JSON.parse(line) as Request;
  } catch (e) {
    return { seq: -1, errored: { message: `not JSON: ${(e as Error).message}` } };
  }
  if (request.cmd === 'start') {
    return {
      version: PROTOCOL_VERSION,
      implementation: {
        name: impl.name,
        version: impl.version,
        ...(impl.language ? { language: impl.language } : {}),
      },
      capabilities: [...impl.capabilities],
    };
  }
  if (request.cmd === 'stop') return undefined;
  return run(impl, request);
}

async function run(impl: HarnessImplementation, request: RunRequest): Promise<RunResponse> {
  const { seq } = request;
  try {
    if (request.kind === 'validate' && impl.validate) return { seq, result: impl.validate(request.input) };
    if (request.kind === 'validate-history' && impl.validateHistory)
      return { seq, result: impl.validateHistory(request.input) };
    if (request.kind === 'resolve' && impl.resolve) return { seq, result: impl.resolve(request.input) };
    if (request.kind === 'verify-signature' && impl.verifySignature)
      return { seq, result: await impl.verifySignature(request.input) };
    if (request.kind === 'sign-statement' && impl.signStatement)
      return { seq, result: await impl.signStatement(request.input) };
    return { seq, skipped: { message: `kind ${String(request.kind)} is not supported` } };
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    return { seq, errored: { message: error.message, ...(error.stack ? { traceback: error.stack } : {}) } };
  }
}

/** Speaks the protocol on a pair of streams (stdin/stdout for a harness process) until `stop` or EOF. */
export async function serveHarness(
  impl: HarnessImplementation,
  input: Readable = process.stdin,
  output: Writable = process.stdout,
): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const response = await answer(impl, line);
    if (response === undefined) break;
    output.write(`${JSON.stringify(response)}\n`);
  }
  lines.close();
}
