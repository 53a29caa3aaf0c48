import { accessSync, constants, readFileSync, writeFileSync } from 'node:fs';
import { generateLogKeyPair, verifyLogFile, verifyReceipt } from '@reuse-pref/release';
import type { SignedTreeHead, SubjectReceipt } from '@reuse-pref/schema';
import { type Command, type Context, parseCommandArgs, UsageError } from '../command.js';

const usage = `Usage: reuse-pref log <verify|keygen> [options]

  verify --tree-head sth.json --public-key key.pub.pem [--log log.jsonl] [--receipt receipt.json]
      Checks, with no access to the server, that the tree head is signed by the key, that the log's lines
      hash to its root and are well-formed public leaves, and that a receipt (one, or a JSON array of them,
      as 'release ledger' prints) is in the signed tree and in the log. Needs --log, --receipt or both.

  keygen --out <name>
      Writes a new Ed25519 key pair: <name>.pem (private, keep it secret) and <name>.pub.pem (publish it).

Exit status: 0 verified, 1 verification failed, 2 usage error or unreadable input.`;

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

async function verify(args: string[], { stdout, stderr }: Context): Promise<number> {
  const { values } = parseCommandArgs(args, {
    options: {
      log: { type: 'string' },
      'tree-head': { type: 'string' },
      receipt: { type: 'string' },
      'public-key': { type: 'string' },
    },
  });
  if (!values['public-key']) throw new UsageError('log verify needs --public-key');
  if (!values.log && !values.receipt) throw new UsageError('log verify needs --log, --receipt or both');
  if (values.log && !values['tree-head']) throw new UsageError('checking a log needs its --tree-head');
  let publicKey: string;
  try {
    publicKey = readFileSync(values['public-key'], 'utf8');
  } catch {
    throw new UsageError(`cannot read public key ${values['public-key']}`);
  }
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

const subcommands: Record<string, (args: string[], context: Context) => Promise<number>> = { verify, keygen };

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
