import { execFileSync, spawn } from 'node:child_process';
import { cpus } from 'node:os';

function hasTaskset() {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const taskset = hasTaskset();
/** Every pass runs on the same core, so passes compare like for like on a shared machine. */
export const pinnedCore = taskset ? cpus().length - 1 : undefined;

/**
 * Runs one benchmark pass in its own Node process (pinned to one core when taskset exists), so each pass
 * has its own heap and peak RSS. The child writes one JSON object as its last stdout line.
 */
export function runPass(script, args) {
  const command = taskset ? 'taskset' : process.execPath;
  const argv = taskset ? ['-c', String(pinnedCore), process.execPath, script, ...args] : [script, ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trimEnd().split('\n').at(-1);
      if (code !== 0 || !last) {
        reject(new Error(`${script} ${args.join(' ')} exited with ${code}`));
        return;
      }
      resolve(JSON.parse(last));
    });
  });
}
