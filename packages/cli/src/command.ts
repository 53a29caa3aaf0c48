import { parseArgs } from 'node:util';

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

export type ParseConfig = NonNullable<Parameters<typeof parseArgs>[0]>;
/** Named so the declaration of parseCommandArgs does not reach into node:util's unexported types. */
export type ParsedCommandArgs<T extends ParseConfig> = ReturnType<
  typeof parseArgs<T & { args: string[]; strict: true }>
>;

/** node:util parseArgs in strict mode, with its failures turned into usage errors. */
export function parseCommandArgs<const T extends ParseConfig>(
  args: string[],
  config: T,
): ParsedCommandArgs<T> {
  try {
    return parseArgs({ ...config, args, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}
