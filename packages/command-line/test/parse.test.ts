import { describe, expect, it } from 'vitest';
import { CommandLineError, closest, parseCommandLine } from '../src/index.js';

const config = {
  allowPositionals: false,
  options: { 'base-url': { type: 'string' }, profile: { type: 'string' }, verbose: { type: 'boolean' } },
} as const;

function failure(args: string[]): string {
  try {
    parseCommandLine(args, config);
  } catch (error) {
    expect(error).toBeInstanceOf(CommandLineError);
    return (error as Error).message;
  }
  throw new Error('expected a usage error');
}

describe('parseCommandLine', () => {
  it('parses what it is told to', () => {
    expect(parseCommandLine(['--base-url', 'http://x', '--verbose'], config).values).toEqual({
      'base-url': 'http://x',
      verbose: true,
    });
  });

  it.each([
    [['--bse-url', 'x'], 'unknown option --bse-url (did you mean --base-url?)'],
    [['--base_url=x'], 'unknown option --base_url (did you mean --base-url?)'],
    [['--prof', 'x'], 'unknown option --prof (did you mean --profile?)'],
    [['--colour'], 'unknown option --colour'],
    [['--profile'], 'option --profile needs a value'],
    [['--verbose=yes'], 'option --verbose takes no value'],
    [['producer'], "unexpected argument 'producer'"],
  ])('%j is refused as: %s', (args, message) => {
    expect(failure(args)).toBe(message);
  });

  it('never shows Node’s own parseArgs wording', () => {
    for (const args of [['--x'], ['--profile'], ['stray'], ['-q']]) {
      expect(failure(args)).not.toMatch(/positional argument starting with|To specify|argument missing/);
    }
  });
});

describe('closest', () => {
  it.each([
    ['valdate', ['validate', 'demo', 'serve'], 'validate'],
    ['sevre', ['validate', 'demo', 'serve'], 'serve'],
    ['dmeo', ['validate', 'demo', 'serve'], 'demo'],
    ['conformance', ['validate', 'demo', 'serve'], undefined],
    ['x', ['validate', 'demo'], undefined],
  ])('%s -> %s', (word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected);
  });
});
