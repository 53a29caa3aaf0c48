import { statSync } from 'node:fs';
import { FileLedgerStore, recipientsToNotify, subjectKey } from '@reuse-pref/release';
import { Catalogues } from '@reuse-pref/schema';
import { type Context, parseCommandArgs, UsageError } from '../command.js';
import { InputError } from '../input/open-input.js';

const KNOWN_PURPOSES = new Set(Catalogues.flatMap((c) => c.purposes.map((p) => p.code)));

/**
 * `release notify`: Art 19, from the private ledger a file-based release log keeps. The same list the
 * distributor API answers at /subjects/{pupil}/recipients-to-notify, in the same JSON shape.
 */
export async function notify(args: string[], { stdout }: Context): Promise<number> {
  const { values } = parseCommandArgs(args, {
    options: {
      log: { type: 'string' },
      ledger: { type: 'string' },
      upn: { type: 'string' },
      uln: { type: 'string' },
      'objection-at': { type: 'string' },
      purposes: { type: 'string' },
      format: { type: 'string', default: 'text' },
    },
  });
  const ledgerPath = values.ledger ?? (values.log ? `${values.log}.ledger.jsonl` : undefined);
  if (!ledgerPath) throw new UsageError('release notify needs --log (or --ledger)');
  if (!values.upn === !values.uln) throw new UsageError('name the pupil with --upn or --uln');
  const objectionAt = values['objection-at'];
  if (!objectionAt || Number.isNaN(Date.parse(objectionAt)))
    throw new UsageError(
      'release notify needs --objection-at, an RFC 3339 date-time (when the objection was expressed)',
    );
  const purposes = (values.purposes ?? '').split(',').filter((p) => p !== '');
  if (purposes.length === 0)
    throw new UsageError('release notify needs --purposes, e.g. --purposes LINK,RSCH');
  const unknown = purposes.find((p) => !KNOWN_PURPOSES.has(p));
  if (unknown) throw new UsageError(`--purposes: ${unknown} is not a purpose code`);
  if (values.format !== 'text' && values.format !== 'json')
    throw new UsageError(`--format must be text or json, not '${values.format}'`);

  const subject = values.upn ? { upn: values.upn } : { uln: values.uln! };
  const store = openLedger(ledgerPath);
  let recipients: Awaited<ReturnType<typeof recipientsToNotify>>;
  try {
    recipients = await recipientsToNotify(store, subjectKey(subject), objectionAt, purposes);
  } finally {
    store.close();
  }
  if (values.format === 'json') {
    stdout.write(`${JSON.stringify({ subject, objectionAt, purposes, recipients }, null, 2)}\n`);
    return 0;
  }
  const who = subject.upn ?? subject.uln;
  let text = `${who} objected at ${objectionAt} to ${purposes.join(', ')}: ${recipients.length === 0 ? 'no earlier release sent their record for these purposes, nobody to notify' : `${recipients.length} recipient${recipients.length === 1 ? '' : 's'} to notify`}\n`;
  for (const r of recipients) {
    text +=
      `  ${r.recipient.name} (${r.recipient.class})\n` +
      `      release ${r.dsReference} decided ${r.decidedAt}, kept until ${r.retainUntil}\n` +
      `      for ${r.purposes.join(', ')}${r.underExemption ? ' (sent under an exemption)' : ''}\n`;
  }
  stdout.write(text);
  return 0;
}

/** FileLedgerStore creates a missing file: a ledger that is not there is a mistyped path, said so. */
function openLedger(path: string): FileLedgerStore {
  try {
    statSync(path);
  } catch {
    throw new InputError(`cannot read ledger ${path}: no such file`);
  }
  return new FileLedgerStore(path);
}
