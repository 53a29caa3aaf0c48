import { didYouMean } from '@reuse-pref/command-line';
import { type Command, UsageError } from '../command.js';

const help: Command = {
  usage: 'Usage: reuse-pref help [command]\n\nLists the commands, or shows the usage of one.',
  async run(args, { stdout, commands }) {
    const [name, ...extra] = args;
    if (extra.length > 0) throw new UsageError('help takes at most one command name');
    if (name !== undefined) {
      const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
      if (!entry) throw new UsageError(`unknown command '${name}'${didYouMean(name, Object.keys(commands))}`);
      stdout.write(`${(await entry.load()).default.usage}\n`);
      return 0;
    }
    const width = Math.max(...Object.keys(commands).map((n) => n.length));
    const lines = Object.entries(commands).map(([n, e]) => `  ${n.padEnd(width)}  ${e.summary}`);
    stdout.write(
      [
        'reuse-pref: work with Reuse Preference statements (what a pupil or parent wants done with their data).',
        '',
        'Usage: reuse-pref <command> [options]',
        '',
        'Commands:',
        ...lines,
        '',
        "Run 'reuse-pref help <command>' for a command's options.",
        'Exit status: 0 success, 1 invalid input records, 2 usage error or unreadable input,',
        '3 could not run (a server did not answer; upload keeps its place) or internal error.',
        '',
      ].join('\n'),
    );
    return 0;
  },
};

export default help;
