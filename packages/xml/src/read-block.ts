import type { Statement } from '@reuse-pref/schema';
import { carriedIn, elementName, type Field, StatementFields } from './mapping.js';
import { attributeNames, childNames, type ParsedSlice, type XmlNode } from './parse-slice.js';
import { type BlockVersion, BlockVersions } from './versions.js';

/** A statement read from XML, with the file position of its `<Statement>` start tag. */
export type LocatedStatement = { line: number; column: number; value: Statement };

const KNOWN_VERSIONS: readonly string[] = [BlockVersions.current, BlockVersions.previous];

function blockVersion(slice: ParsedSlice, block: XmlNode): BlockVersion {
  const v = block['@Version'];
  // 1.0 predates the attribute, so its absence means the previous version.
  if (v === undefined) return BlockVersions.previous;
  if (typeof v !== 'string' || !KNOWN_VERSIONS.includes(v) || v === BlockVersions.previous) {
    slice.fail(
      block,
      'ReusePreferences',
      `Version "${String(v)}" is not supported (this reader reads ${BlockVersions.current}, and ${BlockVersions.previous} without a Version attribute)`,
    );
  }
  return v as BlockVersion;
}

function noStrayContent(slice: ParsedSlice, node: XmlNode, name: string, allowed: readonly string[] = []) {
  const text = node['#text'];
  if (text !== undefined && text.trim() !== '')
    slice.fail(node, name, `<${name}> holds text where only elements belong`);
  const attrs = attributeNames(node).filter((a) => !allowed.includes(a));
  if (attrs.length) slice.fail(node, name, `unexpected attribute ${attrs[0]!.slice(1)} on <${name}>`);
}

function readText(slice: ParsedSlice, node: XmlNode, name: string, version: BlockVersion): string {
  const children = childNames(node);
  if (children.length) {
    const child = (node[children[0]!] as XmlNode[])[0]!;
    slice.fail(child, children[0]!, `<${name}> must hold text, not <${children[0]}>`);
  }
  const encoding = version === BlockVersions.current ? node['@Encoding'] : undefined;
  const attrs = attributeNames(node).filter((a) => encoding === undefined || a !== '@Encoding');
  if (attrs.length) slice.fail(node, name, `unexpected attribute ${attrs[0]!.slice(1)} on <${name}>`);
  const text = node['#text'] ?? '';
  if (encoding === undefined) return text;
  if (encoding !== 'json')
    slice.fail(node, name, `Encoding="${String(encoding)}" is not known (only "json")`);
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'string') return value;
  } catch {
    // reported below
  }
  return slice.fail(node, name, `<${name} Encoding="json"> must hold one JSON string literal`);
}

function readFields(
  slice: ParsedSlice,
  node: XmlNode,
  name: string,
  fields: readonly Field[],
  version: BlockVersion,
): Record<string, unknown> {
  noStrayContent(slice, node, name);
  const expected = new Map<string, Field>();
  for (const f of fields) if (carriedIn(f, version)) expected.set(elementName(f, version), f);
  for (const child of childNames(node)) {
    if (expected.has(child)) continue;
    const first = (node[child] as XmlNode[])[0]!;
    const known = fields.some(
      (f) => f.xml === child || (f.kind === 'text' && Object.values(f.xmlIn ?? {}).includes(child)),
    );
    slice.fail(
      first,
      child,
      known
        ? `<${child}> is not part of ReusePreferences ${version} (inside <${name}>)`
        : `unknown element <${child}> inside <${name}>`,
    );
  }
  const out: Record<string, unknown> = {};
  for (const [xml, field] of expected) {
    const found = node[xml] as XmlNode[] | undefined;
    if (!found) {
      if (field.optional) continue;
      slice.fail(node, xml, `<${name}> has no <${xml}>`);
    }
    if (found.length > 1) slice.fail(found[1]!, xml, `<${xml}> appears more than once in <${name}>`);
    const child = found[0]!;
    if (field.kind === 'text') out[field.json] = readText(slice, child, xml, version);
    else if (field.kind === 'group') out[field.json] = readFields(slice, child, xml, field.fields, version);
    else {
      noStrayContent(slice, child, xml);
      const others = childNames(child).filter((c) => c !== field.item);
      if (others.length) {
        slice.fail(
          (child[others[0]!] as XmlNode[])[0]!,
          others[0]!,
          `unknown element <${others[0]}> inside <${xml}>`,
        );
      }
      const items = (child[field.item] as XmlNode[] | undefined) ?? [];
      out[field.json] = items.map((item) => readFields(slice, item, field.item, field.fields, version));
    }
  }
  return out;
}

/**
 * The statements of one `<ReusePreferences>` element, field for field as carried: codes and formats are
 * not checked here (that is the validator's job, with its rule ids), only the shape of the XML.
 */
export function readBlock(slice: ParsedSlice, block: XmlNode): LocatedStatement[] {
  const version = blockVersion(slice, block);
  noStrayContent(slice, block, 'ReusePreferences', ['@Version']);
  const others = childNames(block).filter((c) => c !== 'Statement');
  if (others.length) {
    slice.fail(
      (block[others[0]!] as XmlNode[])[0]!,
      others[0]!,
      `unknown element <${others[0]}> inside <ReusePreferences>`,
    );
  }
  const statements = (block.Statement as XmlNode[] | undefined) ?? [];
  return statements.map((node) => ({
    ...slice.where(node),
    value: readFields(slice, node, 'Statement', StatementFields, version) as Statement,
  }));
}
