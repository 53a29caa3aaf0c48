import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commandFaultHook, FaultHookError } from '../../src/index.js';

// A vendor's `server-restarted` hook starts the server again and exits, leaving the server running with
// the hook's output pipes. The suite waited for the pipes to close, so it reported such a hook as "did
// not exit within 180 s"; and a hook that really hung was stopped by killing its shell only, leaving what
// the shell had started running.

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('regression: a fault hook that leaves a process running', () => {
  let dir: string | undefined;
  const started: number[] = [];
  afterEach(() => {
    for (const pid of started.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  const pidFile = () => {
    dir = mkdtempSync(join(tmpdir(), 'fault-hook-'));
    return join(dir, 'pid');
  };

  it('is done when its shell exits 0, though the process it started still holds its output', async () => {
    const file = pidFile();
    // The background sleep keeps stdout and stderr open for 60 s; the timeout is 30 s.
    const hook = commandFaultHook(`sleep 60 & echo $! > ${file}; echo restarted; exit 0; true`, {
      timeoutMs: 30_000,
    });
    await expect(hook.cause('server-restarted')).resolves.toBe('done');
    const pid = Number(readFileSync(file, 'utf8'));
    started.push(pid);
    expect(alive(pid)).toBe(true);
  });

  it('still fails with what it wrote when its shell exits with an error', async () => {
    const hook = commandFaultHook('sleep 60 & echo cannot reach the database >&2; exit 1; true', {
      timeoutMs: 30_000,
    });
    await expect(hook.cause('store-unavailable')).rejects.toThrow(/exited 1: cannot reach the database/);
  });

  it('on timeout stops everything the hook started, not only its shell', async () => {
    const file = pidFile();
    const hook = commandFaultHook(`sleep 300 & echo $! > ${file}; wait; true`, { timeoutMs: 1_000 });
    await expect(hook.cause('server-restarted')).rejects.toThrow(FaultHookError);
    const pid = Number(readFileSync(file, 'utf8'));
    started.push(pid);
    // SIGKILL to the group is delivered at once; the process table may take a moment to show it.
    await expect.poll(() => alive(pid), { timeout: 10_000, interval: 100 }).toBe(false);
  });
});
