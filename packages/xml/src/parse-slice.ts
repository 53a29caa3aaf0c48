import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { checkCharacters } from './characters.js';
import { XmlCarriageError } from './error.js';
import { locate, type Origin, shift } from './locate.js';

/** A parsed element: children by name (always arrays), text under '#text', attributes under '@name'. */
export type XmlNode = { [name: string]: XmlNode[] | string | undefined; '#text'?: string };

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  // Grounds text is carried exactly, leading and trailing spaces and newlines included.
  trimValues: false,
  processEntities: true,
  // Decodes numeric character references (&#13; for CR) besides the five XML entities.
  htmlEntities: true,
  alwaysCreateTextNode: true,
  captureMetaData: true,
  isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
});

/**
 * One element's XML, sliced out of a larger file, parsed. fast-xml-parser's parser is lenient about
 * mismatched tags, characters and references, so its validator and checkCharacters run first: a broken
 * file is an error with a location, never a silently wrong statement.
 */
export class ParsedSlice {
  readonly root: XmlNode;
  readonly rootName: string;

  constructor(
    readonly xml: string,
    readonly origin: Origin,
    maxTextLength: number,
  ) {
    const check = XMLValidator.validate(xml);
    if (check !== true) {
      const at = shift(check.err.line, check.err.col, origin);
      const named =
        tagAt(xml, check.err.line, check.err.col) ?? /'([^'\s]+)'/.exec(check.err.msg)?.[1] ?? '?';
      throw new XmlCarriageError({ ...at, element: named, message: check.err.msg });
    }
    checkCharacters(xml, origin, maxTextLength);
    const doc = parser.parse(xml) as XmlNode;
    const names = Object.keys(doc).filter((k) => k !== '#text' && !k.startsWith('?'));
    const rootName = names[0]!;
    this.rootName = rootName;
    this.root = (doc[rootName] as XmlNode[])[0]!;
  }

  /** File position of an element's start tag. */
  where(node: XmlNode): Origin {
    const meta = (node as unknown as Record<symbol, { startIndex?: number } | undefined>)[META];
    return locate(this.xml, meta?.startIndex ?? 0, this.origin);
  }

  fail(node: XmlNode, element: string, message: string): never {
    throw new XmlCarriageError({ ...this.where(node), element, message });
  }
}

/** The name of the tag starting at a 1-based line and column of `xml`, if one does. */
function tagAt(xml: string, line: number, column: number): string | undefined {
  let index = 0;
  for (let l = 1; l < line; l++) index = xml.indexOf('\n', index) + 1;
  return /^<\/?([^\s/>]+)/.exec(xml.slice(index + column - 1, index + column + 200))?.[1];
}

export function childNames(node: XmlNode): string[] {
  return Object.keys(node).filter((k) => k !== '#text' && !k.startsWith('@'));
}

export function attributeNames(node: XmlNode): string[] {
  return Object.keys(node).filter((k) => k.startsWith('@'));
}
