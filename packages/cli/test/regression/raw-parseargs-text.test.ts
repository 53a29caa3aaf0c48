import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureBuilt, runBin } from '../support/bin.js';

// Bug: a wrong flag printed Node's parseArgs text ("Unknown option '--rle'. To specify a positional
// argument starting with a '-', place it at the end of the command after '--', as in '-- \"--rle\"") with
// an unbalanced quote and no suggestion.
beforeAll(() => ensureBuilt(), BUILD_TIMEOUT_MS);

describe('usage errors in reuse-pref’s own words', () => {
  it.each([
    [['serve', '--rle', 'receiver'], 'reuse-pref: unknown option --rle (did you mean --role?)'],
    [['validate', '--formt', 'json', '-'], 'reuse-pref: unknown option --formt (did you mean --format?)'],
    [['token', '--role'], 'reuse-pref: option --role needs a value'],
    [['sevre'], "reuse-pref: unknown command 'sevre' (did you mean serve?)"],
    [['help', 'valdate'], "reuse-pref: unknown command 'valdate' (did you mean validate?)"],
  ])('%j', (args, first) => {
    const run = runBin(args);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(first);
    expect(run.stderr).not.toMatch(/To specify a positional|argument missing|ERR_PARSE_ARGS/);
  });
});
