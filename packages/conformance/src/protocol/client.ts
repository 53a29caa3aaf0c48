import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface, type Interface } from 'node:readline';
import type { HarnessImplementation } from './implementation.js';
import { PROTOCOL_VERSION, type RunRequest, type RunResponse, type StartResponse } from './messages.js';
import { replyProblem } from './replies.js';
import { answer } from './serve.js';

type RunBody = RunRequest extends infer R ? (R extends RunRequest ? Omit<R, 'cmd' | 'seq'> : never) : never;

/** The runner's view of a harness: start once, run many, stop. */
export interface Harness {
  start(): Promise<StartResponse>;
  run(request: RunBody): Promise<RunResponse>;
  stop(): Promise<void>;
}

/** Errors the runner reports as "errored" for every remaining test rather than crashing. */
export class HarnessError extends Error {}

/**
 * A harness in another process, started with a shell command (`dotnet run --project Harness`,
 * `php harness.php`). Requests go one at a time, each awaiting its answer by seq, so a harness may
 * be a simple read-eval-print loop. stderr is passed through for the vendor's own logging.
 */
export function spawnHarness(
  command: string,
  options: { cwd?: string; timeoutMs?: number; stderr?: 'inherit' | 'ignore' } = {},
): Harness {
  let child: ChildProcess | undefined;
  let lines: Interface | undefined;
  let seq = 0;
  const pending = new Map<number, (r: unknown) => void>();
  let waitingStart: ((r: unknown) => void) | undefined;
  let failure: Error | undefined;
  const timeoutMs = options.timeoutMs ?? 30_000;

  const fail = (error: Error) => {
    failure ??= error;
    for (const settle of pending.values()) settle({ seq: -1, errored: { message: error.message } });
    pending.clear();
    waitingStart?.(error);
  };

  const send = (message: unknown) => {
    if (failure) throw failure;
    child!.stdin!.write(`${JSON.stringify(message)}\n`);
  };

  const withTimeout = <T>(promise: Promise<T>, what: string) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new HarnessError(`harness gave no answer to ${what} in ${timeoutMs} ms`)),
        timeoutMs,
      );
      promise.then(
        (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        (e) => {
          clearTimeout(timer);
          reject(e);
        },
      );
    });

  return {
    async start() {
      child = spawn(command, {
        shell: true,
        cwd: options.cwd,
        stdio: ['pipe', 'pipe', options.stderr ?? 'inherit'],
      });
      child.on('error', (e) => fail(new HarnessError(`harness failed to start: ${e.message}`)));
      child.on('exit', (code, signal) =>
        fail(new HarnessError(`harness exited (${signal ?? code}) before stop`)),
      );
      child.stdin!.on('error', (e) => fail(new HarnessError(`harness stdin: ${e.message}`)));
      lines = createInterface({ input: child.stdout!, crlfDelay: Number.POSITIVE_INFINITY });
      lines.on('line', (line) => {
        if (line.trim() === '') return;
        let message: { seq?: unknown };
        try {
          message = JSON.parse(line);
        } catch {
          fail(new HarnessError(`harness wrote a line that is not JSON: ${line.slice(0, 200)}`));
          return;
        }
        if (waitingStart) {
          const settle = waitingStart;
          waitingStart = undefined;
          settle(message);
          return;
        }
        const settle = typeof message.seq === 'number' ? pending.get(message.seq) : undefined;
        if (!settle) {
          fail(new HarnessError(`harness answered an unknown seq: ${line.slice(0, 200)}`));
          return;
        }
        pending.delete(message.seq as number);
        settle(message);
      });
      const started = new Promise<unknown>((resolve) => {
        waitingStart = resolve;
      });
      send({ cmd: 'start', version: PROTOCOL_VERSION });
      const reply = await withTimeout(started, 'start');
      if (reply instanceof Error) throw reply;
      return checkStart(reply);
    },
    async run(body) {
      seq += 1;
      const mine = seq;
      const answered = new Promise<unknown>((resolve) => pending.set(mine, resolve));
      send({ cmd: 'run', seq: mine, ...body });
      return checkRun(body, await withTimeout(answered, `run ${body.id}`));
    },
    async stop() {
      if (!child || child.exitCode !== null) return;
      child.removeAllListeners('exit');
      const exited = new Promise<void>((resolve) => child!.once('exit', () => resolve()));
      try {
        child.stdin!.end(`${JSON.stringify({ cmd: 'stop' })}\n`);
      } catch {
        // already gone
      }
      const timer = setTimeout(() => child?.kill(), 5_000);
      await exited;
      clearTimeout(timer);
      lines?.close();
    },
  };
}

const SCHEMA = 'conformance/protocol/harness-protocol.schema.json';

function checkStart(reply: unknown): StartResponse {
  const version = (reply as { version?: unknown } | null)?.version;
  if (typeof reply === 'object' && reply !== null && version !== PROTOCOL_VERSION) {
    throw new HarnessError(
      `harness speaks protocol version ${String(version)}, runner speaks ${PROTOCOL_VERSION}`,
    );
  }
  const problem = replyProblem('start', reply);
  if (problem) {
    throw new HarnessError(
      `harness answered start with a malformed reply (${SCHEMA}): ${problem}; it wrote ${JSON.stringify(reply)?.slice(0, 200)}`,
    );
  }
  return reply as StartResponse;
}

/**
 * A run's reply as the runner reads it: a reply that is not a message the protocol allows for this kind
 * of run becomes an `errored` answer that says which message and which JSON Pointer, so the vendor sees
 * their harness's mistake rather than a comparison failure.
 */
function checkRun(body: RunBody, reply: unknown): RunResponse {
  const problem = replyProblem(body.kind, reply);
  if (!problem) return reply as RunResponse;
  const seq = (reply as { seq?: unknown } | null)?.seq;
  return {
    seq: typeof seq === 'number' ? seq : -1,
    errored: { message: `harness reply to run ${body.id} is malformed (${SCHEMA}): ${problem}` },
  };
}

/**
 * A harness in this process that still round-trips every message through JSON text, so what it
 * answers is exactly what a child process would have written. Used for mutants and quick checks.
 */
export function inProcessHarness(impl: HarnessImplementation): Harness {
  let seq = 0;
  const roundTrip = (message: unknown) => answer(impl, JSON.stringify(message));
  return {
    async start() {
      const reply = await roundTrip({ cmd: 'start', version: PROTOCOL_VERSION });
      return checkStart(JSON.parse(JSON.stringify(reply)));
    },
    async run(body) {
      seq += 1;
      return checkRun(body, JSON.parse(JSON.stringify(await roundTrip({ cmd: 'run', seq, ...body }))));
    },
    async stop() {},
  };
}
