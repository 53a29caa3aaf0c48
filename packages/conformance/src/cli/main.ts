import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CommandLineError, didYouMean, parseCommandLine } from '@reuse-pref/command-line';
import { isValidUpn } from '@reuse-pref/validator';
import manifest from '../../package.json' with { type: 'json' };
import { loadContract } from '../contract/document.js';
import { ContractObserver } from '../contract/observer.js';
import { commandFaultHook } from '../faults/hook.js';
import { runFileChecks } from '../files/run.js';
import { runContractFuzz } from '../fuzz/run.js';
import { HarnessError, spawnHarness } from '../protocol/client.js';
import { referenceImplementation } from '../protocol/reference.js';
import { serveHarness } from '../protocol/serve.js';
import { consoleReport, jsonReport } from '../report/console.js';
import { junitXml } from '../report/junit.js';
import type { TestResult } from '../report/result.js';
import { applySkips, parseSkipList } from '../report/skips.js';
import { verdict } from '../report/verdict.js';
import { parseRegisterFormats } from '../scenarios/distributor-features.js';
import { loadScenarios, type Profile, Profiles } from '../scenarios/load.js';
import { preflight } from '../scenarios/preflight.js';
import { runScenarios } from '../scenarios/run.js';
import { loadSchemaCheck } from '../scenarios/schemas.js';
import type { ScenarioTarget } from '../scenarios/types.js';
import { FILE_CHECK_PREFIXES, suiteTestIds } from '../suite-ids.js';
import { suiteRoot } from '../suite-root.js';
import { loadVectors } from '../vectors/load.js';
import { runVectors } from '../vectors/run.js';
import { CouldNotRunError, ExitCode } from './exit-codes.js';

export const USAGE = `reuse-pref-conformance: check an implementation of the Reuse Preference Standard v1

  reuse-pref-conformance run --harness "<command>"                 semantic vectors via the harness protocol
  reuse-pref-conformance harness                                   be the reference harness (TypeScript) on
                                                                   stdin/stdout, to compare yours with
  reuse-pref-conformance run --profile producer --files <f> [<f>...]
                                                                   export files (NDJSON, CTF or census XML),
                                                                   each checked as its own export
  reuse-pref-conformance run --profile <p> --base-url <url> --token <token>
                                                                   black-box HTTP scenarios (p: ${Profiles.join('|')})
  reuse-pref-conformance run --profile contract --base-url <url> --token <token> [--seed <n>] [--cases <n>]
                                                                   contract fuzz of any role: generated valid
                                                                   and invalid requests for every operation
                                                                   of openapi.yaml its profiles serve
options:
  --token <t>               bearer token for one school (or env REUSE_PREF_TOKEN)
  --other-school-token <t>  a token for a different school: enables the isolation scenarios
                            (or env REUSE_PREF_OTHER_SCHOOL_TOKEN)
  --school <urn> --la-estab <n>  the school the token may touch (default 100000 / 8012000)
  --intake-token <t>        distributor: a receiver token for the intake that feeds the distributor's
                            records, used to file the statements each release is judged on, and as the
                            token that must not act as distributor (or env REUSE_PREF_INTAKE_TOKEN)
  --intake-url <url>        distributor: that intake's base URL (default --base-url; env REUSE_PREF_INTAKE_URL)
  --signs                   producer, relay: the service signs its statements or hops (signatures.md):
                            enables the cases that verify them against its /.well-known/jwks.json
                            (or env REUSE_PREF_SIGNS=1)
  --onward-shares           relay: the school's onward-share log already holds decisions the relay
                            recorded (at least two that shared and two that withheld, and none added
                            during the run): enables the cases that page and filter it
                            (or env REUSE_PREF_ONWARD_SHARES=1)
  --register-formats <f>    distributor: the register documents it offers beside JSON pages, csv
                            and/or html (comma-separated): enables the cases that hold them to
                            openapi.yaml listRegister (or env REUSE_PREF_REGISTER_FORMATS)
  --family-token <t> --family-pupil <upn>  distributor: a family's token (subject:read pupil:<upn>)
                            the service's issuer gave for one test pupil: enables the cases that read
                            that pupil's ledger as the family (or env REUSE_PREF_FAMILY_TOKEN,
                            REUSE_PREF_FAMILY_PUPIL)
  --signing-key <jwk.json>  a producer signing key (private JWK with kid and alg) the service trusts for
                            the example statement's supplier: every fixture is signed with it, and a
                            receiver's require-signature cases run (or env REUSE_PREF_SIGNING_KEY)
  --signature-policy <p>    receiver with --signing-key: the policy its intake runs, require-signature
                            (default) or verify; the cases of that policy run, the other's are skipped
                            (or env REUSE_PREF_SIGNATURE_POLICY)
  --fault-command <cmd>     the service's operator hook: the suite runs '<cmd> <fault>', waits for exit 0
                            (3: cannot cause that fault) before the next step, for store-unavailable,
                            store-slow, store-restored, server-restarted and log-leaf-altered
                            (conformance/protocol/fault-hook.schema.json): enables the fault cases
                            (or env REUSE_PREF_FAULT_COMMAND)
  --skips <file.json>       { "<case id>/<test id>": "reason" }: ids no mode of the suite has, and listed
                            tests that now pass, fail the run; one list serves every step of your CI
  --junit <file.xml>  --json <file.json>  reports; the console summary always prints
  --now <date-time>         validator clock for file mode
  --seed <n>                contract fuzz: the fast-check seed (default: random, printed to replay)
  --cases <n>               contract fuzz: requests to generate in all (default 1000)
  --version                 print the suite version
exit: 0 conformant, 1 not conformant (a MUST test failed, or a skip-list problem), 2 usage error,
      3 could not run (the service did not answer, the harness did not start, a file is unreadable)`;

export interface Io {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
}

class UsageError extends Error {}

/** The whole CLI as a function: parses argv, runs, writes reports, returns the exit code (ExitCode). */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof CommandLineError) {
      io.err(`reuse-pref-conformance: ${e.message}\nRun 'reuse-pref-conformance --help' for usage.\n`);
      return ExitCode.usage;
    }
    io.err(`reuse-pref-conformance: could not run: ${(e as Error).message}\n`);
    return ExitCode.couldNotRun;
  }
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, {
    allowPositionals: true,
    options: {
      harness: { type: 'string' },
      files: { type: 'string', multiple: true },
      profile: { type: 'string' },
      'base-url': { type: 'string' },
      token: { type: 'string' },
      'other-school-token': { type: 'string' },
      'intake-url': { type: 'string' },
      'intake-token': { type: 'string' },
      signs: { type: 'boolean' },
      'onward-shares': { type: 'boolean' },
      'register-formats': { type: 'string' },
      'family-token': { type: 'string' },
      'family-pupil': { type: 'string' },
      'signing-key': { type: 'string' },
      'signature-policy': { type: 'string' },
      'fault-command': { type: 'string' },
      school: { type: 'string' },
      'la-estab': { type: 'string' },
      skips: { type: 'string' },
      junit: { type: 'string' },
      json: { type: 'string' },
      now: { type: 'string' },
      seed: { type: 'string' },
      cases: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.version) {
    io.out(`${manifest.version}\n`);
    return ExitCode.conformant;
  }
  if (values.help) {
    io.out(`${USAGE}\n`);
    return ExitCode.conformant;
  }
  const [command, ...rest] = positionals;
  if (command === 'harness' && rest.length === 0) {
    await serveHarness(referenceImplementation);
    return ExitCode.conformant;
  }
  if (command !== 'run')
    throw new UsageError(
      command
        ? `unknown command '${command}'${didYouMean(command, ['run', 'harness'])}`
        : 'missing command: run',
    );
  if (rest.length > 0 && !values.files) throw new UsageError(`unexpected argument '${rest[0]}'`);
  const root = suiteRoot();
  const header: string[] = [];
  let results: TestResult[];
  const profile = values.profile as Profile | 'contract' | undefined;
  if (profile !== undefined && profile !== 'contract' && !Profiles.includes(profile))
    throw new UsageError(`unknown profile ${profile}`);

  if (values.harness) {
    const harness = spawnHarness(values.harness);
    const started = await harness.start().catch((error: unknown) => {
      throw error instanceof HarnessError ? new CouldNotRunError(error.message) : error;
    });
    header.push(
      `harness: ${started.implementation.name} ${started.implementation.version}` +
        `${started.implementation.language ? ` (${started.implementation.language})` : ''}; capabilities: ${started.capabilities.join(', ')}`,
    );
    try {
      results = await runVectors(harness, loadVectors(root), started.capabilities);
    } finally {
      await harness.stop();
    }
  } else if (values.files) {
    if (profile !== 'producer')
      throw new UsageError('file mode checks producer exports: add --profile producer');
    // `--files a.ndjson b.xml`: the names after the first are positionals; each file is its own export.
    const files = [...values.files, ...rest];
    header.push(`files (each checked as its own export; ids compared across them): ${files.join(', ')}`);
    results = await runFileChecks(files, values.now ? { now: values.now } : {});
  } else if (values['base-url'] && profile === 'contract') {
    const token = values.token ?? io.env.REUSE_PREF_TOKEN;
    if (!token) throw new UsageError('--base-url needs --token (or REUSE_PREF_TOKEN)');
    const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
    const cases = values.cases === undefined ? 1000 : Number(values.cases);
    if (!Number.isInteger(seed)) throw new UsageError('--seed must be an integer');
    if (!Number.isInteger(cases) || cases < 1)
      throw new UsageError('--cases must be a whole number of at least 1');
    const other = values['other-school-token'] ?? io.env.REUSE_PREF_OTHER_SCHOOL_TOKEN;
    const intakeToken = values['intake-token'] ?? io.env.REUSE_PREF_INTAKE_TOKEN;
    const intakeUrl = values['intake-url'] ?? io.env.REUSE_PREF_INTAKE_URL;
    await preflight('the service at', values['base-url']);
    if (intakeToken && intakeUrl && intakeUrl !== values['base-url'])
      await preflight('the intake at', intakeUrl);
    const { results: fuzzed, stats } = await runContractFuzz(
      loadContract(root),
      { baseUrl: values['base-url'], token, ...(other ? { otherSchoolToken: other } : {}) },
      {
        seed,
        cases,
        school: { urn: values.school ?? '100000', laEstab: values['la-estab'] ?? '8012000' },
        ...(intakeToken && intakeUrl ? { intake: { baseUrl: intakeUrl, token: intakeToken } } : {}),
      },
    );
    results = fuzzed;
    header.push(
      `target: ${values['base-url']} as ${stats.profiles.join(', ')} (contract fuzz)`,
      `contract fuzz: seed ${stats.seed}; ${stats.cases} cases (${stats.valid} valid, ${stats.invalid} invalid) over ` +
        `${stats.operations} operations; ${stats.requests} requests in ${(stats.durationMs / 1000).toFixed(1)} s ` +
        `(${Object.entries(stats.statuses)
          .sort()
          .map(([k, n]) => `${n} ${k}`)
          .join(', ')})`,
    );
  } else if (values['base-url']) {
    // (--profile contract was handled above.)
    if (!profile || profile === 'contract') throw new UsageError('--base-url needs --profile');
    const token = values.token ?? io.env.REUSE_PREF_TOKEN;
    if (!token) throw new UsageError('--base-url needs --token (or REUSE_PREF_TOKEN)');
    const other = values['other-school-token'] ?? io.env.REUSE_PREF_OTHER_SCHOOL_TOKEN;
    const intakeToken = values['intake-token'] ?? io.env.REUSE_PREF_INTAKE_TOKEN;
    const intakeUrl = values['intake-url'] ?? io.env.REUSE_PREF_INTAKE_URL ?? values['base-url'];
    const signingKeyFile = values['signing-key'] ?? io.env.REUSE_PREF_SIGNING_KEY;
    const signaturePolicy = values['signature-policy'] ?? io.env.REUSE_PREF_SIGNATURE_POLICY;
    if (
      signaturePolicy !== undefined &&
      signaturePolicy !== 'require-signature' &&
      signaturePolicy !== 'verify'
    )
      throw new UsageError('--signature-policy is require-signature or verify');
    if (signaturePolicy !== undefined && !signingKeyFile)
      throw new UsageError('--signature-policy needs --signing-key (the key the receiver trusts)');
    const faultCommand = values['fault-command'] ?? io.env.REUSE_PREF_FAULT_COMMAND;
    const distributorOptions = distributorRunOptions(values, io.env);
    const cases = loadScenarios(root, profile);
    if (cases.length === 0)
      throw new Error(`no HTTP scenarios for the ${profile} profile in this suite version yet`);
    await preflight('the service at', values['base-url']);
    if (intakeToken && intakeUrl !== values['base-url']) await preflight('the intake at', intakeUrl);
    header.push(`target: ${values['base-url']} as ${profile}`);
    const template = JSON.parse(readFileSync(`${root}/spec/v1/examples/statement.json`, 'utf8'));
    const contract = loadContract(root);
    results = await runScenarios(
      cases,
      {
        baseUrl: values['base-url'],
        token,
        ...(other ? { otherSchoolToken: other } : {}),
        ...(intakeToken ? { intake: { baseUrl: intakeUrl, token: intakeToken } } : {}),
        school: { urn: values.school ?? '100000', laEstab: values['la-estab'] ?? '8012000' },
        template,
        ...(values.signs || io.env.REUSE_PREF_SIGNS === '1' ? { signs: true } : {}),
        ...(values['onward-shares'] || io.env.REUSE_PREF_ONWARD_SHARES === '1' ? { onwardShares: true } : {}),
        ...(signingKeyFile
          ? { signingKey: JSON.parse(readFileSync(signingKeyFile, 'utf8')) as Record<string, unknown> }
          : {}),
        ...(signaturePolicy ? { signaturePolicy } : {}),
        ...(faultCommand ? { faults: commandFaultHook(faultCommand, { env: io.env }) } : {}),
        ...distributorOptions,
      },
      loadSchemaCheck(root, contract.schemas),
      `scenario:${profile}`,
      // Every response any scenario sees is also checked against openapi.yaml (issue 12).
      { contract: new ContractObserver(contract), profile },
    );
  } else {
    throw new UsageError('say what to check: --harness, --files or --base-url');
  }

  const skips = values.skips ? parseSkipList(readFileSync(values.skips, 'utf8')) : {};
  const suiteIds = Object.keys(skips).length > 0 ? suiteTestIds(root) : new Set<string>();
  const applied = applySkips(
    results,
    skips,
    (id) => suiteIds.has(id) || FILE_CHECK_PREFIXES.some((prefix) => id.startsWith(prefix)),
  );
  const v = verdict(applied.results, applied.problems);
  io.out(consoleReport(applied.results, v, header));
  if (values.junit) writeReport(values.junit, junitXml(applied.results, v));
  if (values.json) writeReport(values.json, jsonReport(applied.results, v, { header }));
  return v.passed ? ExitCode.conformant : ExitCode.notConformant;
}

/** `--junit reports/http.xml` in a fresh CI workspace: the folder is made, as CI report paths expect. */
function writeReport(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** --register-formats and --family-token / --family-pupil (decision 0044), checked before anything runs. */
function distributorRunOptions(
  values: Record<string, unknown>,
  env: Record<string, string | undefined>,
): Pick<ScenarioTarget, 'registerFormats' | 'family'> {
  const formats = (values['register-formats'] as string | undefined) ?? env.REUSE_PREF_REGISTER_FORMATS;
  const token = (values['family-token'] as string | undefined) ?? env.REUSE_PREF_FAMILY_TOKEN;
  const pupil = (values['family-pupil'] as string | undefined) ?? env.REUSE_PREF_FAMILY_PUPIL;
  if ((token === undefined) !== (pupil === undefined))
    throw new UsageError('--family-token and --family-pupil go together (the token names that pupil)');
  if (pupil !== undefined && !isValidUpn(pupil))
    throw new UsageError(`--family-pupil: ${pupil} is not a valid UPN (the token's pupil: scope names it)`);
  let registerFormats: ScenarioTarget['registerFormats'];
  try {
    registerFormats = formats === undefined ? undefined : parseRegisterFormats(formats);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return {
    ...(registerFormats ? { registerFormats } : {}),
    ...(token !== undefined && pupil !== undefined ? { family: { token, pupil } } : {}),
  };
}
