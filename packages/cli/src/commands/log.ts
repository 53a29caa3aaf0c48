import { accessSync, constants, readFileSync, writeFileSync } from 'node:fs';
import {
  generateLogKeyPair,
  observeHead,
  verifyLogFile,
  verifyReceipt,
  verifyReceiptAgainstHead,
} from '@reuse-pref/release';
import type { ConsistencyProof, SignedTreeHead, SubjectReceipt } from '@reuse-pref/schema';
import { type Command, type Context, parseCommandArgs, UsageError } from '../command.js';
import { DistributorLog, LogFetchError } from '../log/distributor-log.js';
import { readWitnessState, type WitnessState, writeWitnessState } from '../log/witness-state.js';

const usage = `Usage: reuse-pref log <verify|monitor|keygen> [options]

  verify --public-key key.pub.pem [--log log.jsonl] [--receipt receipt.json]
         [--tree-head sth.json] [--consistency proof.json] [--url <distributor>]
      With --log: checks, with no access to the server, that the tree head is signed by the key, that the
      log's lines hash to its root and are well-formed public leaves, and that each receipt is in the
      signed tree and in the log.
      With --receipt only: checks each receipt (one, or a JSON array, as 'release ledger' prints) against
      its own head AND against the newest head: --tree-head (a newer head you hold) with --consistency
      (the proof between the two, as GET /register/log/consistency answers it, or an array of them), or
      --url, which fetches the distributor's newest head and the proofs. A receipt whose leaf was later
      rewritten passes against its own head and fails here.

  monitor --url <distributor> --public-key key.pub.pem --state witness.json [--once] [--interval <s>]
      A witness: polls the distributor's signed tree head, keeps every head it accepts in the state
      file, and checks each new head is consistent with the last (RFC 9162 consistency proof). Prints one
      JSON line per poll. A head that does not extend the last one (the log was rewritten) is kept in the
      state file as evidence and ends the run with status 1; so does the distributor saying its own store
      no longer extends the head it signed (log-inconsistent). --once polls once; otherwise every
      --interval seconds (default 60).

  keygen --out <name>
      Writes a new Ed25519 key pair: <name>.pem (private, keep it secret) and <name>.pub.pem (publish it).

Exit status: 0 verified (monitor: consistent), 1 verification failed (monitor: inconsistent), 2 usage
error or unreadable input, 3 (monitor --once) the log could not be checked now.`;

function readJson<T>(path: string, what: string): T {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new UsageError(`${what} ${path} is not JSON`);
  }
}

function readPublicKey(path: string | undefined, command: string): string {
  if (!path) throw new UsageError(`${command} needs --public-key`);
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read public key ${path}`);
  }
}

async function verify(args: string[], context: Context): Promise<number> {
  const { stdout, stderr } = context;
  const { values } = parseCommandArgs(args, {
    options: {
      log: { type: 'string' },
      'tree-head': { type: 'string' },
      receipt: { type: 'string' },
      'public-key': { type: 'string' },
      consistency: { type: 'string' },
      url: { type: 'string' },
    },
  });
  const publicKey = readPublicKey(values['public-key'], 'log verify');
  if (!values.log && !values.receipt) throw new UsageError('log verify needs --log, --receipt or both');
  if (values.log && !values['tree-head']) throw new UsageError('checking a log needs its --tree-head');
  if (!values.log && (values['tree-head'] || values.url))
    return verifyAgainstNewest(values, publicKey, context);
  const receipts = values.receipt
    ? ([] as SubjectReceipt[]).concat(readJson<SubjectReceipt | SubjectReceipt[]>(values.receipt, 'receipt'))
    : [];
  const problems: string[] = [];
  if (values.log) {
    const treeHead = readJson<SignedTreeHead>(values['tree-head']!, 'tree head');
    try {
      accessSync(values.log, constants.R_OK);
    } catch {
      throw new UsageError(`cannot read log ${values.log}`);
    }
    const checks = receipts.length ? receipts : [undefined];
    for (const receipt of checks) {
      const result = await verifyLogFile({
        logPath: values.log,
        treeHead,
        publicKey,
        ...(receipt ? { receipt } : {}),
      });
      problems.push(...result.problems.filter((p) => !problems.includes(p)));
    }
  } else {
    for (const receipt of receipts)
      problems.push(...verifyReceipt(receipt, publicKey).problems.map((p) => `receipt: ${p}`));
  }
  if (problems.length) {
    stderr.write(`verification FAILED\n${problems.map((p) => `  ${p}\n`).join('')}`);
    return 1;
  }
  stdout.write(
    `verified${values.log ? ` ${values.log}` : ''}${receipts.length ? ` and ${receipts.length} receipt(s)` : ''}\n`,
  );
  return 0;
}

async function keygen(args: string[], { stdout }: Context): Promise<number> {
  const { values } = parseCommandArgs(args, { options: { out: { type: 'string' } } });
  if (!values.out) throw new UsageError('log keygen needs --out <name>');
  const pair = generateLogKeyPair();
  writeFileSync(`${values.out}.pem`, pair.privateKey, { mode: 0o600 });
  writeFileSync(`${values.out}.pub.pem`, pair.publicKey);
  stdout.write(`wrote ${values.out}.pem (private) and ${values.out}.pub.pem (public)\n`);
  return 0;
}

/**
 * Receipts against the newest head: each is checked in its own tree, and its tree shown to be a prefix
 * of the newest one by a consistency proof. Without a proof there is nothing to check against, and it
 * says so rather than "verified".
 */
async function verifyAgainstNewest(
  values: { receipt?: string; 'tree-head'?: string; consistency?: string; url?: string },
  publicKey: string,
  { stdout, stderr }: Context,
): Promise<number> {
  if (!values.consistency && !values.url) {
    throw new UsageError(
      'checking a receipt against --tree-head needs the consistency proof between them: --consistency <file> or --url <distributor>',
    );
  }
  const receipts = ([] as SubjectReceipt[]).concat(
    readJson<SubjectReceipt | SubjectReceipt[]>(values.receipt!, 'receipt'),
  );
  const distributor = values.url ? new DistributorLog(values.url) : undefined;
  const given = values.consistency
    ? ([] as ConsistencyProof[]).concat(
        readJson<ConsistencyProof | ConsistencyProof[]>(values.consistency, 'consistency proof'),
      )
    : [];
  let newest: SignedTreeHead;
  try {
    newest = values['tree-head']
      ? readJson<SignedTreeHead>(values['tree-head'], 'tree head')
      : await distributor!.treeHead();
  } catch (error) {
    if (error instanceof LogFetchError) {
      stderr.write(`verification FAILED\n  cannot get the newest tree head: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const problems: string[] = [];
  for (const [i, receipt] of receipts.entries()) {
    const label = receipts.length > 1 ? `receipt ${i + 1}` : 'receipt';
    const first = receipt?.treeHead?.treeSize;
    let path: readonly string[] = [];
    if (Number.isSafeInteger(first) && first! < newest.treeSize) {
      const proof = given.find((p) => p.first === first && p.second === newest.treeSize);
      try {
        path = proof ? proof.path : distributor ? await distributor.consistency(first!, newest.treeSize) : [];
      } catch (error) {
        if (!(error instanceof LogFetchError)) throw error;
        problems.push(
          `${label}: cannot get the consistency proof ${first} -> ${newest.treeSize}: ${error.message}`,
        );
        continue;
      }
      if (!proof && !distributor) {
        problems.push(`${label}: no consistency proof from ${first} to ${newest.treeSize} leaves was given`);
        continue;
      }
    }
    problems.push(
      ...verifyReceiptAgainstHead(receipt, newest, path, publicKey).problems.map((p) => `${label}: ${p}`),
    );
  }
  if (problems.length) {
    stderr.write(`verification FAILED\n${problems.map((p) => `  ${p}\n`).join('')}`);
    return 1;
  }
  stdout.write(`verified ${receipts.length} receipt(s) against the tree head of ${newest.treeSize} leaves\n`);
  return 0;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function monitor(args: string[], { stdout, stderr }: Context): Promise<number> {
  const { values } = parseCommandArgs(args, {
    options: {
      url: { type: 'string' },
      'public-key': { type: 'string' },
      state: { type: 'string' },
      once: { type: 'boolean' },
      interval: { type: 'string' },
    },
  });
  const publicKey = readPublicKey(values['public-key'], 'log monitor');
  if (!values.url) throw new UsageError('log monitor needs --url <distributor>');
  if (!values.state) throw new UsageError('log monitor needs --state <file> to keep the heads it has seen');
  const interval = Number(values.interval ?? 60);
  if (!Number.isFinite(interval) || interval <= 0)
    throw new UsageError('--interval must be a number of seconds above 0');
  const log = new DistributorLog(values.url);
  let state: WitnessState;
  try {
    state = readWitnessState(values.state, values.url);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const report = (line: Record<string, unknown>) =>
    stdout.write(`${JSON.stringify({ time: new Date().toISOString(), log: values.url, ...line })}\n`);
  for (;;) {
    let head: SignedTreeHead;
    try {
      head = await log.treeHead();
    } catch (error) {
      if (!(error instanceof LogFetchError)) throw error;
      if (error.problem === 'log-inconsistent') {
        // The distributor itself found its store no longer extends the head it signed.
        report({ status: 'log-inconsistent', detail: error.message });
        stderr.write(`ALARM: the log says its store was rewritten: ${error.message}\n`);
        return 1;
      }
      report({ status: 'unavailable', detail: error.message });
      if (values.once) return 3;
      await sleep(interval * 1000);
      continue;
    }
    const last = state.heads.at(-1);
    let seen: Awaited<ReturnType<typeof observeHead>>;
    try {
      seen = await observeHead(last, head, publicKey, (first, second) => log.consistency(first, second));
    } catch (error) {
      if (!(error instanceof LogFetchError)) throw error;
      // A log that cannot prove its new head extends the old one is treated like one that did not.
      seen = { status: 'inconsistent', head, problems: [`no consistency proof: ${error.message}`] };
    }
    if (seen.status === 'first' || seen.status === 'grew') {
      state.heads.push(head);
      writeWitnessState(values.state, state);
    }
    if (seen.status === 'inconsistent' || seen.status === 'bad-signature') {
      state.evidence.push({ seenAt: new Date().toISOString(), head, problems: seen.problems });
      writeWitnessState(values.state, state);
      report({
        status: seen.status,
        treeSize: head.treeSize,
        rootHash: head.rootHash,
        problems: seen.problems,
      });
      stderr.write(
        `ALARM: ${seen.problems.join('; ')} (last accepted: ${last?.treeSize} leaves, root ${last?.rootHash}; kept as evidence in ${values.state})\n`,
      );
      return 1;
    }
    report({ status: seen.status, treeSize: head.treeSize, rootHash: head.rootHash });
    if (values.once) return 0;
    await sleep(interval * 1000);
  }
}

const subcommands: Record<string, (args: string[], context: Context) => Promise<number>> = {
  verify,
  monitor,
  keygen,
};

const log: Command = {
  usage,
  async run(args, context) {
    const [name, ...rest] = args;
    const sub = name !== undefined && Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
    if (!sub) throw new UsageError(name ? `unknown log subcommand '${name}'` : 'log needs a subcommand');
    return sub(rest, context);
  },
};

export default log;
