import type { Statement } from '@reuse-pref/schema';
import { escapeText, firstNonXmlChar, jsonLiteral } from './escape.js';
import { carriedIn, elementName, type Field, StatementFields } from './mapping.js';
import { type BlockVersion, BlockVersions } from './versions.js';

export type WriteOptions = {
  /** Block version to write; the current one unless a test needs the previous. */
  version?: BlockVersion;
  /** Indentation of the `<ReusePreferences>` line, so the block nests inside a pupil element. */
  indent?: string;
};

/** Thrown when a statement cannot be written without loss; `pointer` is the JSON Pointer of the field. */
export class XmlWriteError extends Error {
  override readonly name = 'XmlWriteError';
  constructor(
    readonly pointer: string,
    message: string,
  ) {
    super(`${pointer || '/'}: ${message}`);
  }
}

const STEP = '  ';

function writeFields(
  out: string[],
  fields: readonly Field[],
  value: Record<string, unknown>,
  pointer: string,
  indent: string,
  version: BlockVersion,
) {
  for (const field of fields) {
    const v = value[field.json];
    const at = `${pointer}/${field.json}`;
    if (v === undefined) {
      if (field.optional) continue;
      throw new XmlWriteError(at, 'is required');
    }
    if (!carriedIn(field, version)) {
      throw new XmlWriteError(at, `cannot be carried in ReusePreferences ${version}`);
    }
    const name = elementName(field, version);
    if (field.kind === 'text') {
      if (typeof v !== 'string') throw new XmlWriteError(at, 'must be a string');
      const bad = firstNonXmlChar(v);
      if (bad === undefined) {
        out.push(`${indent}<${name}>${escapeText(v)}</${name}>`);
      } else if (version === BlockVersions.previous) {
        const code = bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
        throw new XmlWriteError(at, `U+${code} cannot be carried in ReusePreferences 1.0`);
      } else {
        out.push(`${indent}<${name} Encoding="json">${escapeText(jsonLiteral(v))}</${name}>`);
      }
    } else if (field.kind === 'group') {
      if (typeof v !== 'object' || v === null || Array.isArray(v))
        throw new XmlWriteError(at, 'must be an object');
      out.push(`${indent}<${name}>`);
      writeFields(out, field.fields, v as Record<string, unknown>, at, indent + STEP, version);
      out.push(`${indent}</${name}>`);
    } else {
      if (!Array.isArray(v)) throw new XmlWriteError(at, 'must be an array');
      out.push(`${indent}<${name}>`);
      v.forEach((item, i) => {
        if (typeof item !== 'object' || item === null)
          throw new XmlWriteError(`${at}/${i}`, 'must be an object');
        out.push(`${indent + STEP}<${field.item}>`);
        writeFields(
          out,
          field.fields,
          item as Record<string, unknown>,
          `${at}/${i}`,
          indent + STEP + STEP,
          version,
        );
        out.push(`${indent + STEP}</${field.item}>`);
      });
      out.push(`${indent}</${name}>`);
    }
  }
}

/** One `<Statement>` element, without a trailing newline. */
export function statementToXml(statement: Statement, options: WriteOptions = {}): string {
  const version = options.version ?? BlockVersions.current;
  const indent = options.indent ?? '';
  const out: string[] = [`${indent}<Statement>`];
  writeFields(out, StatementFields, statement as Record<string, unknown>, '', indent + STEP, version);
  out.push(`${indent}</Statement>`);
  return out.join('\n');
}

/**
 * A `<ReusePreferences>` block holding the statements, to place under a CTF `<Pupil>` or a census
 * `<PupilOnRoll>`. Throws XmlWriteError rather than write a block that would not read back identically.
 */
export function statementsToXml(statements: readonly Statement[], options: WriteOptions = {}): string {
  const version = options.version ?? BlockVersions.current;
  const indent = options.indent ?? '';
  const open =
    version === BlockVersions.previous ? '<ReusePreferences>' : `<ReusePreferences Version="${version}">`;
  if (statements.length === 0) return `${indent}${open.replace(/>$/, '/>')}`;
  const parts = [`${indent}${open}`];
  statements.forEach((statement, i) => {
    try {
      parts.push(statementToXml(statement, { version, indent: indent + STEP }));
    } catch (e) {
      if (e instanceof XmlWriteError)
        throw new XmlWriteError(`/${i}${e.pointer}`, e.message.replace(/^[^:]*: /, ''));
      throw e;
    }
  });
  parts.push(`${indent}</ReusePreferences>`);
  return parts.join('\n');
}
