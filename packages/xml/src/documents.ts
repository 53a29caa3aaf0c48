import type { Statement } from '@reuse-pref/schema';
import { escapeText } from './escape.js';
import type { SchoolRef } from './header.js';
import { type BlockVersion, BlockVersions, CtfVersionFor } from './versions.js';
import { statementsToXml } from './write.js';

/** A pupil to write: the identifiers a receiving MIS matches on, and the pupil's statement history. */
export type PupilOut = {
  upn?: string;
  uln?: string;
  surname?: string;
  forename?: string;
  dob?: string;
  statements: readonly Statement[];
};

export type CtfHeaderOut = {
  /** Local UK time without offset, as CTF writes it, e.g. 2026-07-20T14:32:10. */
  dateTime: string;
  source: SchoolRef;
  /** Omitted: the CTF convention for an unknown destination, LA MMM / Estab MMMM. */
  destination?: SchoolRef;
  supplierId?: string;
  version?: BlockVersion;
};

export type CensusHeaderOut = {
  dateTime: string;
  referenceDate: string;
  term: 'AUT' | 'SPR' | 'SUM';
  year: string;
  source: SchoolRef;
  software?: string;
};

const el = (indent: string, name: string, value: string | undefined) =>
  value === undefined ? [] : [`${indent}<${name}>${escapeText(value)}</${name}>`];

function school(indent: string, name: string, s: SchoolRef): string[] {
  return [
    `${indent}<${name}>`,
    ...el(`${indent}  `, 'LEA', s.lea),
    ...el(`${indent}  `, 'Estab', s.estab),
    ...el(`${indent}  `, 'URN', s.urn),
    ...el(`${indent}  `, 'SchoolName', s.name),
    `${indent}</${name}>`,
  ];
}

function pupil(element: string, p: PupilOut, version: BlockVersion, at: string): string {
  const i = `${at}  `;
  return [
    `${at}<${element}>`,
    ...el(i, 'UPN', p.upn),
    ...el(i, 'UniqueLearnerNumber', p.uln),
    ...el(i, 'Surname', p.surname),
    ...el(i, 'Forename', p.forename),
    ...el(i, 'DOB', p.dob),
    statementsToXml(p.statements, { version, indent: i }),
    `${at}</${element}>`,
  ].join('\n');
}

/**
 * A Common Transfer File, written piece by piece so an export of a whole school streams to disk.
 * Only the parts of a CTF the carriage needs are written; an MIS merges the block into its own CTF.
 */
export function* ctfDocument(header: CtfHeaderOut, pupils: Iterable<PupilOut>): Generator<string> {
  const version = header.version ?? BlockVersions.current;
  const dest = header.destination ?? { lea: 'MMM', estab: 'MMMM' };
  yield [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<CTfile>',
    '  <Header>',
    '    <DocumentName>Common Transfer File</DocumentName>',
    `    <CTFversion>${CtfVersionFor[version]}</CTFversion>`,
    `    <DateTime>${escapeText(header.dateTime)}</DateTime>`,
    '    <DocumentQualifier>full</DocumentQualifier>',
    ...el('    ', 'SupplierID', header.supplierId),
    ...school('    ', 'SourceSchool', header.source),
    ...school('    ', 'DestSchool', dest),
    '  </Header>',
    '  <CTFpupilData>',
    '',
  ].join('\n');
  for (const p of pupils) yield `${pupil('Pupil', p, version, '    ')}\n`;
  yield '  </CTFpupilData>\n</CTfile>\n';
}

/** A school census return holding only what the carriage needs: header, pupils on roll, their blocks. */
export function* censusDocument(header: CensusHeaderOut, pupils: Iterable<PupilOut>): Generator<string> {
  yield [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<SchoolCensus>',
    '  <Header>',
    '    <CollectionDetails>',
    '      <Collection>SC</Collection>',
    `      <Term>${header.term}</Term>`,
    `      <Year>${escapeText(header.year)}</Year>`,
    `      <ReferenceDate>${escapeText(header.referenceDate)}</ReferenceDate>`,
    '    </CollectionDetails>',
    '    <Source>',
    '      <SourceLevel>S</SourceLevel>',
    ...el('      ', 'LEA', header.source.lea),
    ...el('      ', 'Estab', header.source.estab),
    ...el('      ', 'SchoolName', header.source.name),
    ...el('      ', 'Software', header.software),
    `      <DateTime>${escapeText(header.dateTime)}</DateTime>`,
    '    </Source>',
    '  </Header>',
    '  <Pupils>',
    '',
  ].join('\n');
  for (const p of pupils) yield `${pupil('PupilOnRoll', p, BlockVersions.current, '    ')}\n`;
  yield '  </Pupils>\n</SchoolCensus>\n';
}
