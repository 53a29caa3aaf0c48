import { createHash } from 'node:crypto';
import { appendFileSync, writeFileSync } from 'node:fs';
import {
  ClientCredentials,
  type components,
  ReusePrefClient,
  ReusePrefError,
  ReusePrefProblemError,
  type Statement,
  staticToken,
  type TokenProvider,
  type UploadedRecord,
} from '@reuse-pref/client';
import { type Command, type Context, parseCommandArgs, UsageError } from '../command.js';
import { InputError, openInput } from '../input/open-input.js';
import { BufferedOutput } from '../output.js';
import { NotJsonInputError, sourceRecords } from '../upload/source-records.js';
import { UploadProgress } from '../upload/upload-progress.js';
import {
  chainDigest,
  EMPTY_DIGEST,
  freshState,
  readState,
  removeState,
  type UploadState,
  writeState,
} from '../upload/upload-state.js';
import { countRecord, exitCodeOf, totalsText } from '../upload/upload-totals.js';

const usage = `Usage: reuse-pref upload <statements.ndjson|-> --base-url <url> [options]

Sends statements to a census intake (the receiver profile's POST /intake/batches) in NDJSON batches. A
batch commits whole: a record with an error is rejected with its rule ids, and the valid records of the
same batch are not stored (resend them as they are; --failed writes them all to one file to fix and
send). Records the intake already holds come back as duplicates, so sending a file twice stores nothing
twice.

Each batch carries an Idempotency-Key made from the upload's id and the batch's content, and after every
batch the command notes in a state file how far it got. Interrupted (Ctrl-C, a network failure, the
intake down), run the same command again: it checks that the part already sent is unchanged, skips it,
and a batch whose answer was lost is answered from the intake's stored response. The state file is
removed when the upload finishes.

  --base-url <url>        the intake's base URL (or REUSE_PREF_BASE_URL)
  --token <token>         a bearer token with receiver:write for the schools in the file
                          (or REUSE_PREF_TOKEN; 'reuse-pref token --role receiver' in development)
  --token-url <url>       or get tokens by OAuth2 client credentials: the token endpoint,
  --client-id <id>        the client id (the secret is read from REUSE_PREF_CLIENT_SECRET),
  --scope <scope>         and the scopes to ask for (repeatable; default receiver:write)
  --batch-size <n>        records per batch (default 500, at most the intake's maxBatchRecords)
  --state <file>          where progress is kept (default <input>.upload-state.json; none for stdin)
  --restart               ignore a saved state and send everything again (with new keys)
  --failed <file>         write every record not stored (rejected, or in a refused batch) as NDJSON
  --quiet                 print only the summary, not each record with findings

Progress is shown on stderr when it is a terminal. Exit status: 0 every record is held by the intake
(queries allowed), 1 a record was not stored or is not JSON, 2 usage error or unreadable input,
3 could not run: the intake did not answer or refused the upload (the state is kept: rerun to resume).`;

type CapabilityStatement = components['schemas']['CapabilityStatement'];

/** The intake could not be used: nothing is wrong with the records, so this is exit 3, not 1. */
class CouldNotRunError extends Error {}

interface Options {
  baseUrl: string;
  auth: TokenProvider;
  batchSize: number;
  statePath: string | undefined;
  restart: boolean;
  failed: string | undefined;
  quiet: boolean;
}

function readOptions(args: string[], env: NodeJS.ProcessEnv): { input: string; options: Options } {
  const { values, positionals } = parseCommandArgs(args, {
    allowPositionals: true,
    options: {
      'base-url': { type: 'string' },
      token: { type: 'string' },
      'token-url': { type: 'string' },
      'client-id': { type: 'string' },
      scope: { type: 'string', multiple: true },
      'batch-size': { type: 'string' },
      state: { type: 'string' },
      restart: { type: 'boolean', default: false },
      failed: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0 ? 'upload needs a file, or - for stdin' : 'upload takes one input',
    );
  const input = positionals[0]!;
  const baseUrl = values['base-url'] ?? env.REUSE_PREF_BASE_URL;
  if (!baseUrl)
    throw new UsageError('upload needs --base-url (or REUSE_PREF_BASE_URL): the intake to send to');
  if (!/^https?:\/\/[^/]/.test(baseUrl)) throw new UsageError(`--base-url ${baseUrl}: give an http(s) URL`);
  const batchSize = Number(values['batch-size'] ?? 500);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000)
    throw new UsageError('--batch-size must be a whole number from 1 to 100000');
  return {
    input,
    options: {
      baseUrl: baseUrl.replace(/\/+$/, ''),
      auth: tokenProvider(values, env),
      batchSize,
      statePath: values.state ?? (input === '-' ? undefined : `${input}.upload-state.json`),
      restart: values.restart,
      failed: values.failed,
      quiet: values.quiet,
    },
  };
}

function tokenProvider(
  values: { token?: string; 'token-url'?: string; 'client-id'?: string; scope?: string[] },
  env: NodeJS.ProcessEnv,
): TokenProvider {
  if (values['token-url'] || values['client-id']) {
    if (values.token) throw new UsageError('give --token or --token-url with --client-id, not both');
    if (!values['token-url'] || !values['client-id'])
      throw new UsageError('client credentials need both --token-url and --client-id');
    const clientSecret = env.REUSE_PREF_CLIENT_SECRET;
    if (!clientSecret) throw new UsageError('client credentials need the secret in REUSE_PREF_CLIENT_SECRET');
    return new ClientCredentials({
      tokenUrl: values['token-url'],
      clientId: values['client-id'],
      clientSecret,
      scopes: values.scope ?? ['receiver:write'],
    });
  }
  const token = values.token ?? env.REUSE_PREF_TOKEN;
  if (!token)
    throw new UsageError(
      'upload needs --token (or REUSE_PREF_TOKEN), or --token-url and --client-id; in development: reuse-pref token --role receiver',
    );
  return staticToken(token);
}

/** Asks the intake what it takes before reading a line: a missing service is one clear line, exit 3. */
async function preflight(client: ReusePrefClient, baseUrl: string): Promise<CapabilityStatement> {
  let capabilities: CapabilityStatement;
  try {
    ({ data: capabilities } = await client.get('/.well-known/reuse-preference', {}));
  } catch (error) {
    throw new CouldNotRunError(`the intake at ${baseUrl} did not answer: ${reason(error)}`);
  }
  if (!capabilities.profiles.includes('receiver'))
    throw new CouldNotRunError(
      `${baseUrl} does not declare the receiver profile (it declares ${capabilities.profiles.join(', ') || 'none'}): is this the intake?`,
    );
  return capabilities;
}

function reason(error: unknown): string {
  if (error instanceof ReusePrefProblemError)
    return `${error.status} ${error.problem.title}${error.problem.detail ? `: ${error.problem.detail}` : ''}`;
  if (error instanceof ReusePrefError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

function recordLines(record: UploadedRecord, line: number): string {
  const { outcome, findings } = record.outcome;
  const what = {
    stored: 'stored with a query',
    duplicate: 'already held',
    rejected: 'rejected',
    'not-stored': 'not stored (its batch was refused)',
  }[outcome];
  return findings
    .map(
      (f) =>
        `line ${line}: ${what}: ${f.severity} ${f.rule}${f.pointer ? ` at ${f.pointer}` : ''}: ${f.message}\n`,
    )
    .join('');
}

const upload: Command = {
  usage,
  async run(args, { stdout, stderr, env }: Context) {
    const { input, options } = readOptions(args, env);
    const client = new ReusePrefClient({ baseUrl: options.baseUrl, auth: options.auth });
    const out = new BufferedOutput(stdout);
    const progress = UploadProgress.create(stderr, env);

    let state = options.statePath && !options.restart ? readState(options.statePath) : undefined;
    if (state && state.intake !== options.baseUrl)
      throw new UsageError(
        `${options.statePath} is an upload to ${state.intake}, not ${options.baseUrl}: pass --restart to start again, or --state for another file`,
      );
    const resuming = state !== undefined && state.records > 0;
    state ??= freshState(options.baseUrl);

    let capabilities: CapabilityStatement;
    try {
      capabilities = await preflight(client, options.baseUrl);
    } catch (error) {
      if (!(error instanceof CouldNotRunError)) throw error;
      stderr.write(`reuse-pref upload: ${error.message}\n`);
      return 3;
    }
    const source = await openInput(input);
    const batchSize = Math.min(options.batchSize, capabilities.limits.maxBatchRecords);
    if (options.failed && !resuming) writeFileSync(options.failed, '');

    out.append(
      `upload ${state.uploadId} to ${options.baseUrl} (spec ${capabilities.specVersions.join(', ')}, catalogue ${capabilities.catalogueVersions.join(', ')}), batches of up to ${batchSize}\n`,
    );
    if (resuming)
      out.append(
        `resuming: ${state.records.toLocaleString('en-GB')} records in ${state.batches} batches were answered before\n`,
      );
    await out.flush(true);

    // Per record sent in this run: where it is in the input (position, line) and the chain digest there.
    const sent = new Map<number, { position: number; line: number; digest: string }>();
    // Broken records wait for the batch after them to be answered before they count (as a resumed run
    // would meet them again otherwise).
    const unsent: { position: number; line: number; message: string }[] = [];
    const skip = state.records;
    const saved: UploadState = state;
    let position = 0;
    let digest = EMPTY_DIGEST;
    let bytesRead = 0;
    let statementIndex = 0;

    async function* statements(): AsyncGenerator<Statement> {
      for await (const read of sourceRecords(source.chunks)) {
        const { record } = read;
        bytesRead = read.bytesRead;
        const text = record.kind === 'value' ? JSON.stringify(record.value) : `${record.rule}@${record.line}`;
        digest = chainDigest(digest, text);
        position++;
        if (position <= skip) {
          if (position === skip && digest !== saved.digest)
            throw new InputError(
              `the input changed in the part already sent (records 1 to ${skip}): pass --restart to send it all again`,
            );
          continue;
        }
        if (record.kind === 'broken') {
          unsent.push({ position, line: record.line, message: record.message });
          continue;
        }
        sent.set(statementIndex++, { position, line: record.line, digest });
        yield record.value as Statement;
      }
      if (position < skip)
        throw new InputError(
          `the input has ${position} records, fewer than the ${skip} already sent: pass --restart to send it again`,
        );
    }

    const countUnsentUpTo = (limit: number) => {
      while (unsent.length > 0 && unsent[0]!.position <= limit) {
        const broken = unsent.shift()!;
        saved.totals.records++;
        saved.totals.notJson++;
        if (!options.quiet) out.append(`line ${broken.line}: not JSON, not sent: ${broken.message}\n`);
      }
    };

    const keyFor = ({ body }: { body: string }) =>
      `${saved.uploadId}.${createHash('sha256').update(body).digest('base64url').slice(0, 43)}`;

    let stopped: string | undefined;
    try {
      for await (const record of client.uploadStatements(statements(), {
        batchSize,
        maxBatchBytes: capabilities.limits.maxBatchBytes,
        idempotencyKey: keyFor,
      })) {
        const where = sent.get(record.index)!;
        sent.delete(record.index);
        countUnsentUpTo(where.position);
        countRecord(saved.totals, record);
        if (!options.quiet && record.outcome.findings.length > 0) out.append(recordLines(record, where.line));
        if (options.failed && record.outcome.outcome !== 'stored' && record.outcome.outcome !== 'duplicate')
          appendFileSync(options.failed, `${JSON.stringify(record.statement)}\n`);
        if (!record.lastInBatch) continue;
        saved.batches++;
        saved.records = where.position;
        saved.digest = where.digest;
        if (options.statePath) writeState(options.statePath, saved);
        progress?.clear();
        await out.flush();
        progress?.batch(
          saved.batches,
          saved.totals.records,
          saved.totals.rejected + saved.totals.notStored,
          bytesRead,
          source.size,
        );
      }
      countUnsentUpTo(Number.POSITIVE_INFINITY);
    } catch (error) {
      if (error instanceof InputError || error instanceof NotJsonInputError) {
        progress?.clear();
        throw new InputError(error.message);
      }
      if (!(error instanceof ReusePrefError)) throw error;
      stopped = reason(error);
    }
    progress?.clear();
    out.append(`\n${totalsText(saved.totals)}`);
    if (stopped !== undefined) {
      out.append(
        `stopped: ${stopped}\n` +
          (options.statePath
            ? `${saved.records.toLocaleString('en-GB')} records are answered; run the same command again to go on from there (state in ${options.statePath})\n`
            : 'reading standard input, so nothing was kept to resume from: give --state next time\n'),
      );
      await out.flush(true);
      return 3;
    }
    if (options.statePath) removeState(options.statePath);
    await out.flush(true);
    return exitCodeOf(saved.totals);
  },
};

export default upload;
