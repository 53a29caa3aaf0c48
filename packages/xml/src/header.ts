import { childNames, type ParsedSlice, type XmlNode } from './parse-slice.js';

/** A school as CTF and census headers name it: LA number and establishment number, with URN when given. */
export type SchoolRef = { lea: string; estab: string; urn?: string; name?: string };

/** What the reader keeps from a CTF or census `<Header>`: enough to import and to report. */
export type TransferHeader = {
  kind: 'ctf' | 'census';
  documentName?: string;
  ctfVersion?: string;
  /** The file's creation time as written: CTF writes local UK time without an offset. */
  dateTime?: string;
  source?: SchoolRef;
  destination?: SchoolRef;
  /** Census reference date. */
  referenceDate?: string;
};

function text(node: XmlNode | undefined, name: string): string | undefined {
  const child = (node?.[name] as XmlNode[] | undefined)?.[0];
  if (!child || childNames(child).length) return undefined;
  return (child['#text'] ?? '').trim();
}

function group(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return (node?.[name] as XmlNode[] | undefined)?.[0];
}

function school(node: XmlNode | undefined): SchoolRef | undefined {
  const lea = text(node, 'LEA');
  const estab = text(node, 'Estab');
  if (lea === undefined || estab === undefined) return undefined;
  const urn = text(node, 'URN');
  const name = text(node, 'SchoolName');
  return { lea, estab, ...(urn ? { urn } : {}), ...(name ? { name } : {}) };
}

const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** Reads the header fields the carriage needs; everything else in the header is the MIS's business. */
export function readHeader(slice: ParsedSlice): TransferHeader {
  const h = slice.root;
  if (group(h, 'CollectionDetails') || group(h, 'Source')) {
    const source = group(h, 'Source');
    return defined({
      kind: 'census' as const,
      dateTime: text(source, 'DateTime'),
      source: school(source),
      referenceDate: text(group(h, 'CollectionDetails'), 'ReferenceDate'),
    });
  }
  return defined({
    kind: 'ctf' as const,
    documentName: text(h, 'DocumentName'),
    ctfVersion: text(h, 'CTFversion'),
    dateTime: text(h, 'DateTime'),
    source: school(group(h, 'SourceSchool')),
    destination: school(group(h, 'DestSchool')),
  });
}
