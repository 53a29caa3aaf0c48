#!/usr/bin/env node
import { didYouMean } from '@reuse-pref/command-line';
import manifest from '../package.json' with { type: 'json' };
import { type CommandEntry, type Context, UsageError } from './command.js';
import { InputError } from './input/open-input.js';

/**
 * The dispatch table: one line per command, one file per command under src/commands/. Commands load
 * lazily so that `reuse-pref help` does not pay for the validator.
 */
const commands: Record<string, CommandEntry> = {
  validate: {
    summary: 'check statements (JSON, JSON array or NDJSON; a file or - for stdin)',
    load: () => import('./commands/validate.js'),
  },
  demo: {
    summary: 'validate and resolve a small embedded school, printing effective preferences',
    load: () => import('./commands/demo.js'),
  },
  upload: {
    summary: 'send statements to a census intake in NDJSON batches; safe to rerun, resumes where it stopped',
    load: () => import('./commands/upload.js'),
  },
  release: {
    summary: 'evaluate a distribution request against a cohort, record it, print the register or a ledger',
    load: () => import('./commands/release.js'),
  },
  log: {
    summary: 'verify the release transparency log and receipts offline; make log keys',
    load: () => import('./commands/log.js'),
  },
  ctf: {
    summary: 'export or import statements in a Common Transfer File',
    load: () => import('./commands/ctf.js'),
  },
  serve: {
    summary: 'run a reference producer, relay or receiver server',
    load: () => import('./commands/serve.js'),
  },
  store: {
    summary: "show or rebuild a server store's effective-preferences index",
    load: () => import('./commands/store.js'),
  },
  token: {
    summary:
      'make a development signing key and print a bearer token for a role and school (not for production)',
    load: () => import('./commands/token.js'),
  },
  help: { summary: 'show this list, or the usage of one command', load: () => import('./commands/help.js') },
};

const context: Context = { stdout: process.stdout, stderr: process.stderr, env: process.env, commands };

async function main(argv: string[]): Promise<number> {
  const [name = 'help', ...rest] = argv;
  const entryName = name === '--help' || name === '-h' ? 'help' : name;
  if (name === '--version' || name === '-v') {
    context.stdout.write(`${manifest.version}\n`);
    return 0;
  }
  const entry = Object.hasOwn(commands, entryName) ? commands[entryName] : undefined;
  if (!entry) throw new UsageError(unknownCommand(name));
  const command = (await entry.load()).default;
  if (rest.includes('--help') || rest.includes('-h')) {
    context.stdout.write(`${command.usage}\n`);
    return 0;
  }
  return command.run(rest, context);
}

/** Names the nearest command, and where the conformance suite is for someone who looked for it here. */
function unknownCommand(name: string): string {
  if (name === 'conformance')
    return 'the conformance suite is its own package: npx @reuse-pref/conformance run --profile <profile> ...';
  return `unknown command '${name}'${didYouMean(name, Object.keys(commands))}`;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      context.stderr.write(`reuse-pref: ${err.message}\nRun 'reuse-pref help' for usage.\n`);
    } else if (err instanceof InputError) {
      context.stderr.write(`reuse-pref: ${err.message}\n`);
    } else {
      context.stderr.write(`reuse-pref: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 3;
      return;
    }
    process.exitCode = 2;
  },
);
