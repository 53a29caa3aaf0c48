import type { Statement } from '@reuse-pref/schema';
import { XmlCarriageError } from './error.js';
import { readHeader, type TransferHeader } from './header.js';
import { type ReadLimits, readLimits } from './limits.js';
import { ParsedSlice, type XmlNode } from './parse-slice.js';
import { type LocatedStatement, readBlock } from './read-block.js';
import { ElementScanner, type ScannedElement } from './scan.js';

/** Pupil elements that carry a `<ReusePreferences>` block: CTF `<Pupil>`, census `<PupilOnRoll>`. */
export const PupilElements = ['Pupil', 'PupilOnRoll'] as const;

/** Bytes or text arriving in pieces: a Node Readable, a fetch body, an array of strings, one string. */
export type XmlSource = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array> | string;

export type CarriedPupil = {
  element: string;
  line: number;
  column: number;
  upn?: string;
  statements: LocatedStatement[];
};

export type CarriedItem =
  | { kind: 'header'; line: number; column: number; header: TransferHeader }
  | ({ kind: 'pupil' } & CarriedPupil)
  /** A bare `<ReusePreferences>` block outside any pupil element (a fragment file). */
  | { kind: 'block'; line: number; column: number; statements: LocatedStatement[] }
  | { kind: 'error'; error: XmlCarriageError };

const CAPTURED = new Set<string>([...PupilElements, 'Header', 'ReusePreferences']);

function pupilUpn(node: XmlNode): string | undefined {
  const upn = (node.UPN as XmlNode[] | undefined)?.[0];
  return upn?.['#text']?.trim();
}

/** How much of a file the readers hold at once; every field is optional (see ReadLimits for defaults). */
export interface ReadOptions {
  limits?: Partial<ReadLimits>;
}

function interpret(captured: ScannedElement, limits: ReadLimits): Exclude<CarriedItem, { kind: 'error' }> {
  const where = captured.origin;
  if ('oversized' in captured) {
    throw new XmlCarriageError({
      ...where,
      element: captured.name,
      message: `longer than ${limits.maxElementLength} characters (the reader's maxElementLength), so not read`,
    });
  }
  const slice = new ParsedSlice(captured.xml, captured.origin, limits.maxTextLength);
  if (captured.name === 'Header') return { kind: 'header', ...where, header: readHeader(slice) };
  if (captured.name === 'ReusePreferences') {
    return { kind: 'block', ...where, statements: readBlock(slice, slice.root) };
  }
  const blocks = (slice.root.ReusePreferences as XmlNode[] | undefined) ?? [];
  if (blocks.length > 1) {
    slice.fail(blocks[1]!, 'ReusePreferences', `<${captured.name}> has more than one <ReusePreferences>`);
  }
  const upn = pupilUpn(slice.root);
  return {
    kind: 'pupil',
    element: captured.name,
    ...where,
    ...(upn ? { upn } : {}),
    statements: blocks[0] ? readBlock(slice, blocks[0]) : [],
  };
}

async function* chunks(source: XmlSource): AsyncGenerator<string> {
  if (typeof source === 'string') {
    yield source;
    return;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of source)
    yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  yield decoder.decode();
}

/**
 * Reads a CTF or census file (or a bare `<ReusePreferences>` fragment) one pupil at a time. A pupil
 * whose XML is wrong yields an error item and reading goes on with the next pupil; a file whose overall
 * structure is broken yields one error item and stops.
 */
export async function* readCarriedXml(
  source: XmlSource,
  options: ReadOptions = {},
): AsyncGenerator<CarriedItem> {
  const limits = readLimits(options.limits);
  const scanner = new ElementScanner(CAPTURED, limits);
  try {
    for await (const text of chunks(source)) {
      for (const captured of scanner.push(text)) yield interpretOrError(captured, limits);
      scanner.throwIfStopped();
    }
    scanner.end();
  } catch (e) {
    yield { kind: 'error', error: asCarriageError(e, scanner) };
  }
}

function interpretOrError(captured: ScannedElement, limits: ReadLimits): CarriedItem {
  try {
    return interpret(captured, limits);
  } catch (e) {
    return { kind: 'error', error: sliceError(e, captured) };
  }
}

/** Anything the parser throws past its own validator still becomes a located error, not a crash. */
function sliceError(e: unknown, captured: ScannedElement): XmlCarriageError {
  if (e instanceof XmlCarriageError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new XmlCarriageError({ ...captured.origin, element: captured.name, message });
}

function asCarriageError(e: unknown, scanner: ElementScanner): XmlCarriageError {
  if (e instanceof XmlCarriageError) return e;
  if (e instanceof TypeError && /encoded|decode/i.test(e.message)) {
    const at = scanner.tail();
    return new XmlCarriageError({
      ...at,
      element: '?',
      message: 'the file is not valid UTF-8 from about here',
    });
  }
  throw e;
}

/** One statement, or one located error, in file order: the shape `reuse-pref validate` consumes. */
export type StatementOrError =
  | { line: number; column: number; value: Statement }
  | { line: number; column: number; error: XmlCarriageError };

/** Every statement in a CTF, census or fragment file, streamed; errors are items, not exceptions. */
export async function* readStatementsFromXml(
  source: XmlSource,
  options: ReadOptions = {},
): AsyncGenerator<StatementOrError> {
  for await (const item of readCarriedXml(source, options)) {
    if (item.kind === 'error') yield { line: item.error.line, column: item.error.column, error: item.error };
    else if (item.kind === 'pupil' || item.kind === 'block') yield* item.statements;
  }
}

/**
 * The statements in an XML string, in file order. Throws the first XmlCarriageError; use
 * readStatementsFromXml for large files or to collect every error.
 */
export function xmlToStatements(xml: string, options: ReadOptions = {}): Statement[] {
  const limits = readLimits(options.limits);
  const scanner = new ElementScanner(CAPTURED, limits);
  const out: Statement[] = [];
  for (const c of scanner.push(xml)) {
    let item: ReturnType<typeof interpret>;
    try {
      item = interpret(c, limits);
    } catch (e) {
      throw sliceError(e, c);
    }
    if (item.kind === 'pupil' || item.kind === 'block') for (const s of item.statements) out.push(s.value);
  }
  // After the elements: the first error in file order is the one thrown.
  scanner.end();
  return out;
}
