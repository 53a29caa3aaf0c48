import type { RecordedBy, Setting, Statement } from '@reuse-pref/schema';
import { ctfDocument, type PupilOut } from './documents.js';
import { XmlCarriageError } from './error.js';
import type { SchoolRef, TransferHeader } from './header.js';
import { importStatement, ukLocalToInstant } from './import.js';
import { type ReadOptions, readCarriedXml, type XmlSource } from './read.js';

export type ExportOptions = {
  /** The sending school; statements recorded elsewhere are left out. */
  school: SchoolRef & { urn: string };
  destination?: SchoolRef;
  /** CTF header time, local UK time without offset; defaults to now. */
  dateTime?: string;
  supplierId?: string;
};

/** The key a receiving MIS matches a pupil on: UPN first, as CTF does, then ULN, then the local id. */
const pupilKey = (s: Statement) => s.subject.upn ?? s.subject.uln ?? `local:${s.subject.localId}`;

/** Now as CTF writes it: Europe/London wall-clock time without an offset. */
export function ukLocalNow(now = new Date()): string {
  return now.toLocaleString('sv-SE', { timeZone: 'Europe/London' }).replace(' ', 'T');
}

/**
 * A CTF carrying every statement the school holds, one `<Pupil>` per pupil in first-seen order with each
 * pupil's statements in the order given. Imported (CTFI) statements travel on, so a pupil's whole history
 * follows them from school to school.
 */
export function exportCtf(statements: Iterable<Statement>, options: ExportOptions): Generator<string> {
  const pupils = new Map<string, PupilOut & { statements: Statement[] }>();
  for (const s of statements) {
    if (s.setting.urn !== options.school.urn) continue;
    const key = pupilKey(s);
    let pupil = pupils.get(key);
    if (!pupil) {
      pupil = {
        ...(s.subject.upn ? { upn: s.subject.upn } : {}),
        ...(s.subject.uln ? { uln: s.subject.uln } : {}),
        ...(s.subject.dateOfBirth ? { dob: s.subject.dateOfBirth } : {}),
        statements: [],
      };
      pupils.set(key, pupil);
    }
    pupil.statements.push(s);
  }
  return ctfDocument(
    {
      dateTime: options.dateTime ?? ukLocalNow(),
      source: options.school,
      ...(options.destination ? { destination: options.destination } : {}),
      ...(options.supplierId ? { supplierId: options.supplierId } : {}),
    },
    pupils.values(),
  );
}

export type ImportOptions = ReadOptions & {
  /** The receiving school; laEstab defaults to the CTF header's destination LEA + Estab. */
  into: { urn: string; laEstab?: string };
  recordedBy: RecordedBy;
  /** Defaults to the time of import. */
  recordedAt?: string;
};

export type ImportItem =
  | { line: number; column: number; value: Statement }
  | { line: number; column: number; error: XmlCarriageError };

function receivingSetting(header: TransferHeader | undefined, into: ImportOptions['into']): Setting {
  const dest = header?.destination;
  if (dest?.urn && dest.urn !== into.urn) {
    throw new XmlCarriageError({
      line: 1,
      column: 1,
      element: 'DestSchool',
      message: `this CTF is addressed to URN ${dest.urn}, not ${into.urn}`,
    });
  }
  const laEstab =
    into.laEstab ??
    (dest && /^\d{3}$/.test(dest.lea) && /^\d{4}$/.test(dest.estab) ? dest.lea + dest.estab : undefined);
  if (!laEstab) {
    throw new XmlCarriageError({
      line: 1,
      column: 1,
      element: 'DestSchool',
      message: 'the receiving LA-Estab is neither given nor in the CTF header',
    });
  }
  return { urn: into.urn, laEstab };
}

/**
 * Reads a CTF and yields each statement as the receiving school stores it (channel CTFI, provenance),
 * streaming. The transfer time is the CTF header's DateTime; a file without a header cannot say when the
 * transfer happened and is refused.
 */
export async function* importCtf(source: XmlSource, options: ImportOptions): AsyncGenerator<ImportItem> {
  let header: TransferHeader | undefined;
  let into: Setting | undefined;
  let transferredAt: string | undefined;
  const recordedAt = options.recordedAt ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  for await (const item of readCarriedXml(source, options)) {
    if (item.kind === 'error') {
      yield { line: item.error.line, column: item.error.column, error: item.error };
    } else if (item.kind === 'header') {
      header = item.header;
      try {
        into = receivingSetting(header, options.into);
        if (!header.dateTime) throw new Error('no DateTime');
        transferredAt = ukLocalToInstant(header.dateTime);
      } catch (e) {
        const error =
          e instanceof XmlCarriageError
            ? new XmlCarriageError({
                line: item.line,
                column: item.column,
                element: e.element,
                message: e.reason,
              })
            : new XmlCarriageError({
                line: item.line,
                column: item.column,
                element: 'DateTime',
                message: 'the CTF header has no valid DateTime',
              });
        yield { line: item.line, column: item.column, error };
        return;
      }
    } else {
      if (!into || !transferredAt) {
        const error = new XmlCarriageError({
          line: item.line,
          column: item.column,
          element: 'Header',
          message: 'pupil data before the CTF <Header>',
        });
        yield { line: item.line, column: item.column, error };
        return;
      }
      const ctx = { into, recordedAt, recordedBy: options.recordedBy, transferredAt };
      for (const s of item.statements)
        yield { line: s.line, column: s.column, value: importStatement(s.value, ctx) };
    }
  }
  if (!header) {
    const error = new XmlCarriageError({
      line: 1,
      column: 1,
      element: 'Header',
      message: 'not a CTF: the file has no <Header>',
    });
    yield { line: 1, column: 1, error };
  }
}
