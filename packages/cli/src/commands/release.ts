import { readFileSync, writeFileSync } from 'node:fs';
import {
  CohortError,
  evaluateFromCompactIndex,
  evaluateRelease,
  FileLedgerStore,
  generateLogKeyPair,
  LocalReleaseArchive,
  parseDistributionRequest,
  type RecordedRelease,
  RequestError,
  readCohortFile,
  readCohortKeyRuns,
  readCohortKeys,
  readRegister,
  recordRelease,
  registerCsv,
  registerHtml,
  registerJson,
  subjectKey,
  subjectLedger,
  TransparencyLog,
} from '@reuse-pref/release';
import type { ReleaseCounts, ReleaseDecision, SignedTreeHead } from '@reuse-pref/schema';
import { openStore, ReleaseArchive } from '@reuse-pref/server';
import { type Command, type Context, parseCommandArgs, UsageError } from '../command.js';
import { InputError } from '../input/open-input.js';
import { notify } from '../release/notify.js';
import { storeSpec } from '../store-spec.js';

const usage = `Usage: reuse-pref release <evaluate|register|ledger|notify> [options]

  evaluate --request r.json --cohort c.ndjson [--log log.jsonl --key key.pem] [options]
      Decides a distribution request for every pupil in the cohort (one {"subject":{...},"statements":[...]}
      per line; a line without statements is a pupil never asked) and prints the counts.

  evaluate --store sqlite|postgres (--db <file> | --database-url <url>) --request r.json --cohort keys.ndjson
      [--record [--key key.pem] [--log-check edge|every-leaf]]
      Decides from a server store's effective-preferences index: the cohort is one subject key a line
      ({"upn":"..."} and/or "uln"), read as a stream, so a national cohort needs no request limit. Without
      --record it counts (from the index held compactly in memory); with --record it records the release
      in the store, in one transaction, exactly as the distributor server does (log, subject ledgers,
      register), and the distributor's servers serve it from then on. Refused (exit 1) while the index has
      not taken in every stored statement: run reuse-pref store reindex.
      --log-check <how>     edge (default): open the release log from its stored subtree hashes, so
                            recording starts at once however many releases the log holds; every-leaf:
                            read and hash every leaf first and check every stored subtree hash (what a
                            distributor server does at start; minutes for a log of national releases)
      --decision <file>     write the release decision JSON (public, no personal data)
      --log <file>          record it: append the ledger commitments and the decision to this log
      --key <file>          Ed25519 private key (PEM) that signs the new tree head (needs --log)
      --ledger <file>       the private ledger (salts and entries), default <log>.ledger.jsonl
      --tree-head <file>    where the signed tree head goes, default <log>.sth.json
      --decided-at <time>   decision time (default now); also the time preferences are resolved at

  register --log log.jsonl [--format json|csv|html] [--out <file>]
      The public register: every release in the log, no personal data.

  ledger --log log.jsonl --ledger ledger.jsonl --tree-head sth.json (--upn X | --uln X | --local-id X)
      One pupil's ledger: every release that included or excluded them, each with a receipt.

  notify --log log.jsonl (--upn X | --uln X) --objection-at <time> --purposes LINK,RSCH [--format json]
      Art 19: the recipients of earlier releases that sent this pupil's record for any of those purposes,
      decided before the objection, to be told of it (--ledger defaults to <log>.ledger.jsonl).

Exit status: 0 done, 2 usage error or unreadable input.`;

const read = (path: string, what: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
};

/** The release decided from a store's preferences index (the national path); see the usage text. */
async function evaluateFromStore(
  values: {
    request?: string;
    cohort?: string;
    decision?: string;
    log?: string;
    key?: string;
    'decided-at'?: string;
    store?: string;
    db?: string;
    'database-url'?: string;
    record?: boolean;
    'log-check'?: string;
  },
  { stdout, env }: Context,
): Promise<number> {
  if (values.log)
    throw new UsageError('--log keeps a release in files; with --store it goes to the store (--record)');
  if (values.key && !values.record)
    throw new UsageError('--key signs the tree head of a recording: give --record');
  const logCheck = values['log-check'] ?? 'edge';
  if (values['log-check'] !== undefined && !values.record)
    throw new UsageError('--log-check says how a recording opens the log: give --record');
  if (logCheck !== 'edge' && logCheck !== 'every-leaf')
    throw new UsageError(`--log-check must be edge or every-leaf, not ${logCheck}`);
  if (values['decided-at'] && Number.isNaN(Date.parse(values['decided-at']))) {
    throw new UsageError('--decided-at must be an RFC 3339 date-time');
  }
  const request = parseDistributionRequest(read(values.request!, 'request'));
  const key = values.key ? read(values.key, 'key') : undefined;
  const decidedAt = values['decided-at'] ?? new Date().toISOString();
  const cohortPath = values.cohort!;
  read(cohortPath, 'cohort');
  const store = await openStore(
    storeSpec(
      values.store ?? 'sqlite',
      values.db ?? 'reuse-pref.db',
      values['database-url'] ?? env.DATABASE_URL,
    ),
  );
  try {
    const status = await store.preferences.status();
    if (!status.current) {
      stdout.write(
        `the store's preferences index has taken in ${status.indexedStatements} of ${status.statements} statements: ` +
          'nothing decided; run reuse-pref store reindex\n',
      );
      return 1;
    }
    let decision: ReleaseDecision;
    let recordedAt = '';
    if (values.record) {
      // This process writes nothing else: the release may hold the store's write lock while it records.
      const archive = await ReleaseArchive.open(store, key ?? generateLogKeyPair().privateKey, {
        exclusive: true,
        logCheck,
      });
      const result = await archive.record(request, () => readCohortKeys(cohortPath), {
        now: new Date(decidedAt),
        competenceAge: status.competenceAge,
      });
      if (result.outcome === 'ds-reference-conflict') {
        stdout.write(
          `${request.dsReference} is already recorded with other content (release ${result.releaseId})\n`,
        );
        return 1;
      }
      decision = result.decision;
      const head = key ? await archive.treeHead(new Date()) : undefined;
      recordedAt =
        `${result.outcome === 'recorded' ? 'recorded' : 'already recorded'} at log index ${result.logIndex}` +
        `${head ? `, tree size ${head.treeSize}, root ${head.rootHash}` : ''}\n`;
    } else {
      const compact = await store.preferences.snapshot();
      // Counting only: the keys are read where they lie in the file's bytes (see readCohortKeyRuns).
      decision = await evaluateFromCompactIndex(request, readCohortKeyRuns(cohortPath), {
        decidedAt,
        index: store.preferences,
        compact,
        competenceAge: status.competenceAge,
      });
    }
    if (values.decision) writeFileSync(values.decision, `${JSON.stringify(decision, null, 2)}\n`);
    stdout.write(
      `release ${decision.releaseId} (${decision.dsReference}) to ${request.recipient.name}, purposes ${request.purposes.join(' ')}` +
        `${request.exemption ? `, exemption ${request.exemption.code}` : ''}\n${countsText(decision.counts)}${recordedAt}`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

function countsText(c: ReleaseCounts): string {
  const row = (label: string, n: number, split?: { stated: number; default: number }) =>
    `  ${label.padEnd(26)}${String(n).padStart(12)}${split ? `   (stated ${split.stated}, never asked ${split.default})` : ''}\n`;
  return (
    row('subjects', c.total) +
    row('included (INCL)', c.included, c.byOutcome.INCL) +
    row('excluded (EXCL)', c.excluded, c.byOutcome.EXCL) +
    row('under exemption (OVRD)', c.overridden, c.byOutcome.OVRD) +
    row('decided by a statement', c.decidedByStatement) +
    row('never asked (default)', c.decidedByDefault)
  );
}

async function evaluate(args: string[], context: Context): Promise<number> {
  const { stdout } = context;
  const { values } = parseCommandArgs(args, {
    options: {
      request: { type: 'string' },
      cohort: { type: 'string' },
      decision: { type: 'string' },
      log: { type: 'string' },
      key: { type: 'string' },
      ledger: { type: 'string' },
      'tree-head': { type: 'string' },
      'decided-at': { type: 'string' },
      store: { type: 'string' },
      db: { type: 'string' },
      'database-url': { type: 'string' },
      record: { type: 'boolean' },
      'log-check': { type: 'string' },
    },
  });
  if (!values.request || !values.cohort)
    throw new UsageError('release evaluate needs --request and --cohort');
  if (values.store || values.db || values['database-url']) return evaluateFromStore(values, context);
  if (values.record) throw new UsageError('--record records into a store: give --store');
  if (values.key && !values.log) throw new UsageError('--key signs a log: give --log too');
  if (values['decided-at'] && Number.isNaN(Date.parse(values['decided-at']))) {
    throw new UsageError('--decided-at must be an RFC 3339 date-time');
  }
  const request = parseDistributionRequest(read(values.request, 'request'));
  const key = values.key ? read(values.key, 'key') : undefined;
  const decidedAt = values['decided-at'] ?? new Date().toISOString();
  const cohort = readCohortFile(values.cohort);

  let recorded: RecordedRelease;
  let treeHead: SignedTreeHead | undefined;
  if (values.log) {
    const log = await TransparencyLog.open(values.log);
    const ledger = new FileLedgerStore(values.ledger ?? `${values.log}.ledger.jsonl`);
    try {
      recorded = await recordRelease(request, cohort, {
        archive: new LocalReleaseArchive(log, ledger),
        decidedAt,
      });
      if (key) {
        treeHead = log.signTreeHead(key);
        writeFileSync(
          values['tree-head'] ?? `${values.log}.sth.json`,
          `${JSON.stringify(treeHead, null, 2)}\n`,
        );
      }
    } finally {
      log.close();
      ledger.close();
    }
  } else {
    recorded = { decision: await evaluateRelease(request, cohort, { decidedAt }), logIndex: -1 };
  }
  const { decision } = recorded;
  if (values.decision) writeFileSync(values.decision, `${JSON.stringify(decision, null, 2)}\n`);
  stdout.write(
    `release ${decision.releaseId} (${decision.dsReference}) to ${request.recipient.name}, purposes ${request.purposes.join(' ')}` +
      `${request.exemption ? `, exemption ${request.exemption.code}` : ''}\n${countsText(decision.counts)}` +
      (values.log
        ? `recorded at log index ${recorded.logIndex}${treeHead ? `, tree size ${treeHead.treeSize}` : ''}\n`
        : ''),
  );
  return 0;
}

async function register(args: string[], { stdout }: Context): Promise<number> {
  const { values } = parseCommandArgs(args, {
    options: {
      log: { type: 'string' },
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
    },
  });
  if (!values.log) throw new UsageError('release register needs --log');
  const render = {
    json: registerJson,
    csv: registerCsv,
    html: (e: Parameters<typeof registerHtml>[0]) => registerHtml(e),
  }[values.format as 'json'];
  if (!render) throw new UsageError(`--format must be json, csv or html, not '${values.format}'`);
  read(values.log, 'log');
  const text = render(await readRegister(values.log));
  if (values.out) writeFileSync(values.out, text);
  else stdout.write(text);
  return 0;
}

async function ledger(args: string[], { stdout }: Context): Promise<number> {
  const { values } = parseCommandArgs(args, {
    options: {
      log: { type: 'string' },
      ledger: { type: 'string' },
      'tree-head': { type: 'string' },
      upn: { type: 'string' },
      uln: { type: 'string' },
      'local-id': { type: 'string' },
    },
  });
  if (!values.log || !values.ledger || !values['tree-head']) {
    throw new UsageError('release ledger needs --log, --ledger and --tree-head');
  }
  const subject = { upn: values.upn, uln: values.uln, localId: values['local-id'] };
  if (!subject.upn && !subject.uln && !subject.localId)
    throw new UsageError('name the pupil with --upn, --uln or --local-id');
  const treeHead = JSON.parse(read(values['tree-head'], 'tree head')) as SignedTreeHead;
  read(values.ledger, 'ledger');
  const log = await TransparencyLog.open(values.log);
  const store = new FileLedgerStore(values.ledger);
  try {
    const receipts = await subjectLedger(store, log, subjectKey(subject), treeHead);
    stdout.write(`${JSON.stringify(receipts, null, 2)}\n`);
  } finally {
    log.close();
    store.close();
  }
  return 0;
}

const subcommands: Record<string, (args: string[], context: Context) => Promise<number>> = {
  evaluate,
  register,
  ledger,
  notify,
};

const release: Command = {
  usage,
  async run(args, context) {
    const [name, ...rest] = args;
    const sub = name !== undefined && Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
    if (!sub)
      throw new UsageError(name ? `unknown release subcommand '${name}'` : 'release needs a subcommand');
    try {
      return await sub(rest, context);
    } catch (error) {
      // A bad request or cohort file is bad input, reported like an unreadable file.
      if (error instanceof RequestError || error instanceof CohortError) throw new InputError(error.message);
      throw error;
    }
  },
};

export default release;
