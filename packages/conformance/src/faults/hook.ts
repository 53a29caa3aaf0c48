import { spawn } from 'node:child_process';
import type { FaultName } from './vocabulary.js';

/** Causes a fault to the service under test, as its operator could (decision 0042). */
export interface FaultHook {
  /** Resolves once the fault is in force; `unsupported` when this hook cannot cause that fault. */
  cause(fault: FaultName): Promise<'done' | 'unsupported'>;
}

/** The hook failed (exit status other than 0 or 3, or no exit in time): the test that asked errs. */
export class FaultHookError extends Error {}

/** Restarting a server or a database can take a while on a busy CI machine. */
const HOOK_TIMEOUT_MS = 180_000;

/**
 * How long to wait, after the hook's shell has exited, for the rest of its output. A hook that started
 * a long-lived process (a server brought back by `server-restarted`) leaves that process holding the
 * output pipes, so the pipes' closing is not the hook's end: its exit is.
 */
const OUTPUT_GRACE_MS = 200;

/**
 * `--fault-command "<cmd>"`: runs `<cmd> <fault name>` through the shell and waits for it to exit
 * (conformance/protocol/fault-hook.schema.json: 0 done, 3 cannot cause that fault). Its stdout and
 * stderr are kept for the message when it fails; the vendor's hook writes its own log there. The hook
 * runs in its own process group, so a timeout stops everything it started, not only the shell.
 */
export function commandFaultHook(
  command: string,
  options: { env?: Record<string, string | undefined>; timeoutMs?: number } = {},
): FaultHook {
  return {
    cause: (fault) =>
      new Promise((resolve, reject) => {
        const child = spawn(`${command} ${fault}`, {
          shell: true,
          detached: true,
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, ...options.env },
        });
        let output = '';
        const keep = (chunk: Buffer) => {
          output = `${output}${chunk.toString('utf8')}`.slice(-2000);
        };
        child.stdout.on('data', keep);
        child.stderr.on('data', keep);
        const stopReading = () => {
          child.stdout.destroy();
          child.stderr.destroy();
        };
        const timeoutMs = options.timeoutMs ?? HOOK_TIMEOUT_MS;
        const timer = setTimeout(() => {
          stopGroup(child.pid);
          stopReading();
          reject(
            new FaultHookError(
              `fault command '${command} ${fault}' did not exit within ${timeoutMs / 1000} s`,
            ),
          );
        }, timeoutMs);
        child.on('error', (error) => {
          clearTimeout(timer);
          reject(new FaultHookError(`fault command '${command} ${fault}' did not start: ${error.message}`));
        });
        child.on('exit', (code) => {
          clearTimeout(timer);
          let settled = false;
          const settle = () => {
            if (settled) return;
            settled = true;
            clearTimeout(grace);
            stopReading();
            if (code === 0) resolve('done');
            else if (code === 3) resolve('unsupported');
            else
              reject(
                new FaultHookError(
                  `fault command '${command} ${fault}' exited ${code}${output.trim() ? `: ${output.trim()}` : ''}`,
                ),
              );
          };
          const grace = setTimeout(settle, OUTPUT_GRACE_MS);
          child.once('close', settle);
        });
      }),
  };
}

/** SIGKILL to the hook's process group (it leads one, being detached); gone already is fine. */
function stopGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group has already ended.
  }
}
