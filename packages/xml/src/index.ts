export {
  type CensusHeaderOut,
  type CtfHeaderOut,
  censusDocument,
  ctfDocument,
  type PupilOut,
} from './documents.js';
export { XmlCarriageError } from './error.js';
export type { SchoolRef, TransferHeader } from './header.js';
export { type ImportContext, importStatement, ukLocalToInstant } from './import.js';
export { DEFAULT_READ_LIMITS, type ReadLimits } from './limits.js';
export { type Field, StatementFields } from './mapping.js';
export {
  type CarriedItem,
  type CarriedPupil,
  PupilElements,
  type ReadOptions,
  readCarriedXml,
  readStatementsFromXml,
  type StatementOrError,
  type XmlSource,
  xmlToStatements,
} from './read.js';
export type { LocatedStatement } from './read-block.js';
export {
  type ExportOptions,
  exportCtf,
  type ImportItem,
  type ImportOptions,
  importCtf,
  ukLocalNow,
} from './transfer.js';
export { type BlockVersion, BlockVersions, CtfVersionFor } from './versions.js';
export { statementsToXml, statementToXml, type WriteOptions, XmlWriteError } from './write.js';
