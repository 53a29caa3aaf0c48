import type { Statement } from '@reuse-pref/schema';
import { createValidator } from '@reuse-pref/validator';
import { exportCtf, importCtf, XmlWriteError } from '@reuse-pref/xml';
import { type Command, type Context, parseCommandArgs, UsageError } from '../command.js';
import { openInput } from '../input/open-input.js';
import { RecordReader, type SourceRecord } from '../input/record-reader.js';
import { BufferedOutput } from '../output.js';
import { checkRecord } from '../validate/check-record.js';
import { StatementIds } from '../validate/statement-ids.js';

const usage = `Usage: reuse-pref ctf export --school <URN> [options] <statements.ndjson|->
       reuse-pref ctf import --into <URN> --supplier <id> [options] <ctf.xml|->

Carries statements in the Common Transfer File (spec/v1/xml).

export   writes a CTF to stdout with a <ReusePreferences> block per pupil, holding every statement
         recorded at the school (imported ones included, so the history moves on with the pupil).
         Statements must be valid: an invalid one stops the export.
  --school <URN>          the sending school (its LA-Estab is taken from the statements)
  --to <LAESTAB>          the destination school's LA-Estab (default MMM/MMMM: not yet known)
  --to-urn <URN>          the destination school's URN
  --date-time <local>     CTF header time, UK local (default: now)
  --supplier <id>         SupplierID for the header

import   reads a CTF (either supported CTF version) and writes NDJSON: each statement as the receiving
         school stores it, channel CTFI with provenance and the original id and expressedAt. Each is
         validated as stored: one with errors is reported on stderr and not written; queries are
         reported and the statement is written.
  --into <URN>            the receiving school; a CTF addressed to another URN is refused
  --la-estab <LAESTAB>    the receiving school's LA-Estab (default: the CTF's DestSchool)
  --supplier <id>         recordedBy.supplierId of the importing system
  --system <name>         recordedBy.system (default "reuse-pref ctf import")
  --system-version <v>    recordedBy.systemVersion
  --recorded-at <time>    recordedAt (default: now)

Exit status: 0 done, 1 a statement or the XML is wrong (located on stderr; on import, what is wrong
is not written), 2 usage error.`;

const URN = /^[0-9]{6}$/;
const LA_ESTAB = /^[0-9]{7}$/;

async function readStatements(name: string, context: Context): Promise<Statement[] | undefined> {
  const validator = createValidator({});
  const statements: Statement[] = [];
  let failed = false;
  const onRecord = (record: SourceRecord) => {
    if (record.kind === 'broken') {
      context.stderr.write(`line ${record.line}: ${record.message}\n`);
      failed = true;
      return;
    }
    const result = validator.validate(record.value);
    if (!result.valid) {
      for (const f of result.errors)
        context.stderr.write(`line ${record.line}: ${f.rule} at ${f.pointer || '/'}: ${f.message}\n`);
      failed = true;
      return;
    }
    statements.push(record.value as Statement);
  };
  const reader = new RecordReader(onRecord);
  for await (const chunk of (await openInput(name)).chunks) reader.push(chunk);
  reader.end();
  return failed ? undefined : statements;
}

async function runExport(args: string[], context: Context): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    allowPositionals: true,
    options: {
      school: { type: 'string' },
      to: { type: 'string' },
      'to-urn': { type: 'string' },
      'date-time': { type: 'string' },
      supplier: { type: 'string' },
    },
  });
  if (!values.school || !URN.test(values.school))
    throw new UsageError('ctf export needs --school <URN> (6 digits)');
  if (values.to !== undefined && !LA_ESTAB.test(values.to))
    throw new UsageError('--to must be a 7-digit LA-Estab');
  if (values['to-urn'] !== undefined && !URN.test(values['to-urn']))
    throw new UsageError('--to-urn must be 6 digits');
  if (positionals.length !== 1) throw new UsageError('ctf export needs one statements file, or - for stdin');

  const statements = await readStatements(positionals[0]!, context);
  if (!statements) return 1;
  const own = statements.find((s) => s.setting.urn === values.school);
  if (!own) {
    context.stderr.write(`reuse-pref: no statement in the input is recorded at URN ${values.school}\n`);
    return 1;
  }
  const la = own.setting.laEstab;
  const destination = values.to
    ? {
        lea: values.to.slice(0, 3),
        estab: values.to.slice(3),
        ...(values['to-urn'] ? { urn: values['to-urn'] } : {}),
      }
    : undefined;
  const out = new BufferedOutput(context.stdout);
  try {
    for (const piece of exportCtf(statements, {
      school: { lea: la.slice(0, 3), estab: la.slice(3), urn: values.school },
      ...(destination ? { destination } : {}),
      ...(values['date-time'] ? { dateTime: values['date-time'] } : {}),
      ...(values.supplier ? { supplierId: values.supplier } : {}),
    })) {
      out.append(piece);
      await out.flush();
    }
  } catch (err) {
    if (!(err instanceof XmlWriteError)) throw err;
    context.stderr.write(`reuse-pref: cannot carry a statement in XML: ${err.message}\n`);
    return 1;
  }
  await out.flush(true);
  return 0;
}

async function runImport(args: string[], context: Context): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    allowPositionals: true,
    options: {
      into: { type: 'string' },
      'la-estab': { type: 'string' },
      supplier: { type: 'string' },
      system: { type: 'string', default: 'reuse-pref ctf import' },
      'system-version': { type: 'string' },
      'recorded-at': { type: 'string' },
    },
  });
  if (!values.into || !URN.test(values.into))
    throw new UsageError('ctf import needs --into <URN> (6 digits)');
  if (!values.supplier) throw new UsageError('ctf import needs --supplier <id> for recordedBy');
  if (values['la-estab'] !== undefined && !LA_ESTAB.test(values['la-estab'])) {
    throw new UsageError('--la-estab must be 7 digits');
  }
  const recordedAt = values['recorded-at'];
  if (recordedAt !== undefined && Number.isNaN(Date.parse(recordedAt))) {
    throw new UsageError('--recorded-at must be a date-time');
  }
  if (positionals.length !== 1) throw new UsageError('ctf import needs one CTF file, or - for stdin');

  const input = await openInput(positionals[0]!);
  const out = new BufferedOutput(context.stdout);
  const validator = createValidator({});
  const ids = new StatementIds();
  let failed = false;
  const items = importCtf(input.chunks, {
    into: { urn: values.into, ...(values['la-estab'] ? { laEstab: values['la-estab'] } : {}) },
    recordedBy: {
      supplierId: values.supplier,
      system: values.system,
      ...(values['system-version'] ? { systemVersion: values['system-version'] } : {}),
    },
    ...(recordedAt ? { recordedAt } : {}),
  });
  for await (const item of items) {
    if ('error' in item) {
      failed = true;
      context.stderr.write(
        `${positionals[0]}:${item.line}:${item.column}: <${item.error.element}> ${item.error.reason}\n`,
      );
    } else {
      const where = `${positionals[0]}:${item.line}:${item.column}`;
      const result = checkRecord({ kind: 'value', line: item.line, value: item.value }, validator, ids);
      for (const f of [...result.errors, ...result.queries]) {
        context.stderr.write(`${where}: ${f.severity} ${f.rule} at ${f.pointer || '/'}: ${f.message}\n`);
      }
      if (!result.valid) {
        failed = true;
        continue;
      }
      out.append(`${JSON.stringify(item.value)}\n`);
      await out.flush();
    }
  }
  await out.flush(true);
  return failed ? 1 : 0;
}

const ctf: Command = {
  usage,
  async run(args, context) {
    const [sub, ...rest] = args;
    if (sub === 'export') return runExport(rest, context);
    if (sub === 'import') return runImport(rest, context);
    throw new UsageError(
      sub ? `unknown ctf subcommand '${sub}' (export or import)` : 'ctf needs export or import',
    );
  },
};

export default ctf;
