import { parseArgs } from 'node:util';
import { didYouMean } from './closest.js';

/** A wrong invocation, described in the CLI's own words; each CLI prints it with its usage hint. */
export class CommandLineError extends Error {}

export type ParseConfig = NonNullable<Parameters<typeof parseArgs>[0]>;
/** Named so declarations that use it do not reach into node:util's unexported types. */
export type Parsed<T extends ParseConfig> = ReturnType<
  typeof parseArgs<T & { args: string[]; strict: true }>
>;

/**
 * node:util parseArgs in strict mode, with its errors (which quote Node's internals and suggest `--`)
 * turned into one short sentence naming the option, and the nearest known option when one is close.
 */
export function parseCommandLine<const T extends ParseConfig>(args: readonly string[], config: T): Parsed<T> {
  try {
    return parseArgs({ ...config, args: [...args], strict: true }) as Parsed<T>;
  } catch (error) {
    throw new CommandLineError(explain(error, config));
  }
}

function explain(error: unknown, config: ParseConfig): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  const options = config.options ?? {};
  const flags = Object.keys(options).map((name) => `--${name}`);
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const flag = quoted.split('=')[0] ?? quoted;
      return `unknown option ${flag}${didYouMean(flag, flags)}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const name = /--([\w-]+)/.exec(quoted)?.[1] ?? quoted;
      return options[name]?.type === 'boolean'
        ? `option --${name} takes no value`
        : `option --${name} needs a value`;
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument '${quoted}'${didYouMean(quoted, flags)}`;
    default:
      return message;
  }
}
