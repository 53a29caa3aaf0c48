import { CommandLineError, type ParseConfig, type Parsed, parseCommandLine } from '@reuse-pref/command-line';

/** A wrong invocation: the bin prints the message, a hint to run `reuse-pref help`, and exits 2. */
export class UsageError extends Error {}

/** Where a command reads and writes, so tests and embedders are not tied to the process globals. */
export interface Context {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  /** The dispatch table, for `help`. */
  commands: Readonly<Record<string, CommandEntry>>;
}

export interface CommandEntry {
  /** One line for the `reuse-pref help` list. */
  summary: string;
  load: () => Promise<{ default: Command }>;
}

/** One file under src/commands/ default-exports one of these. */
export interface Command {
  /** The usage text shown by `reuse-pref help <name>` and `reuse-pref <name> --help`. */
  usage: string;
  /** Returns the exit status; throws UsageError for a wrong invocation. */
  run(args: string[], context: Context): Promise<number>;
}

export type { ParseConfig };
export type ParsedCommandArgs<T extends ParseConfig> = Parsed<T>;

/** Arguments parsed strictly; a wrong one is a usage error in our words, with the nearest option. */
export function parseCommandArgs<const T extends ParseConfig>(
  args: string[],
  config: T,
): ParsedCommandArgs<T> {
  try {
    return parseCommandLine(args, config);
  } catch (err) {
    if (err instanceof CommandLineError) throw new UsageError(err.message);
    throw err;
  }
}
