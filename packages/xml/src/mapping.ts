import type { BlockVersion } from './versions.js';

/**
 * One table drives the writer, the reader and spec/v1/xml/mapping.md, so the two directions cannot drift
 * apart and a test can prove every JSON field of the Statement schema has an element.
 */
export type TextField = {
  kind: 'text';
  xml: string;
  json: string;
  optional?: boolean;
  /** Element name in block versions where it differed from `xml`. */
  xmlIn?: Partial<Record<BlockVersion, string>>;
};
export type GroupField = {
  kind: 'group';
  xml: string;
  json: string;
  optional?: boolean;
  /** Block versions that carry this group; all when absent. */
  versions?: readonly BlockVersion[];
  fields: readonly Field[];
};
export type ListField = {
  kind: 'list';
  xml: string;
  item: string;
  json: string;
  /** An absent optional list is an absent element; an empty list is an empty element. */
  optional?: boolean;
  fields: readonly Field[];
};
export type Field = TextField | GroupField | ListField;

const text = (xml: string, json: string, more: Partial<TextField> = {}): TextField => ({
  kind: 'text',
  xml,
  json,
  ...more,
});

const settingFields = [text('URN', 'urn'), text('LAEstab', 'laEstab')];
const recordedByFields = [
  text('SupplierID', 'supplierId'),
  text('System', 'system'),
  text('SystemVersion', 'systemVersion', { optional: true }),
];

/** The children of `<Statement>`, in the order the XSD's sequence fixes and the writer emits. */
export const StatementFields: readonly Field[] = [
  text('StatementID', 'id'),
  text('SpecVersion', 'specVersion'),
  text('CatalogueVersion', 'catalogueVersion'),
  {
    kind: 'group',
    xml: 'Subject',
    json: 'subject',
    fields: [
      text('UPN', 'upn', { optional: true }),
      text('ULN', 'uln', { optional: true }),
      text('LocalID', 'localId', { optional: true }),
      text('DOB', 'dateOfBirth', { optional: true }),
    ],
  },
  { kind: 'group', xml: 'Setting', json: 'setting', fields: settingFields },
  {
    kind: 'group',
    xml: 'ExpressedBy',
    json: 'expressedBy',
    fields: [text('Role', 'role'), text('PersonRef', 'personRef')],
  },
  text('CompetenceBasis', 'competenceBasis', { optional: true }),
  text('ExpressedAt', 'expressedAt'),
  text('RecordedAt', 'recordedAt'),
  { kind: 'group', xml: 'RecordedBy', json: 'recordedBy', fields: recordedByFields },
  text('Channel', 'channel'),
  {
    kind: 'group',
    xml: 'Notice',
    json: 'notice',
    fields: [text('NoticeID', 'id'), text('NoticeVersion', 'version'), text('Language', 'language')],
  },
  {
    kind: 'list',
    xml: 'Choices',
    item: 'Choice',
    json: 'choices',
    fields: [
      text('PurposeCode', 'purpose'),
      text('Value', 'value'),
      text('Grounds', 'grounds', { optional: true, xmlIn: { '1.0': 'Reason' } }),
    ],
  },
  {
    kind: 'group',
    xml: 'Provenance',
    json: 'provenance',
    optional: true,
    versions: ['1.1'],
    fields: [
      { kind: 'group', xml: 'OriginalSetting', json: 'originalSetting', fields: settingFields },
      text('OriginalChannel', 'originalChannel'),
      text('OriginalRecordedAt', 'originalRecordedAt'),
      { kind: 'group', xml: 'OriginalRecordedBy', json: 'originalRecordedBy', fields: recordedByFields },
      text('TransferredAt', 'transferredAt'),
    ],
  },
  {
    // spec/v1/signatures.md: the JWS strings are carried as they are, so the signature verifies over the
    // statement read back from XML exactly as over the JSON it was written from.
    kind: 'group',
    xml: 'Signature',
    json: 'signature',
    optional: true,
    versions: ['1.1'],
    fields: [
      text('JWS', 'jws'),
      {
        kind: 'list',
        xml: 'Hops',
        item: 'Hop',
        json: 'hops',
        optional: true,
        fields: [text('Relay', 'relay'), text('RelayedAt', 'relayedAt'), text('JWS', 'jws')],
      },
    ],
  },
];

export function elementName(field: Field, version: BlockVersion): string {
  return field.kind === 'text' ? (field.xmlIn?.[version] ?? field.xml) : field.xml;
}

export function carriedIn(field: Field, version: BlockVersion): boolean {
  return field.kind !== 'group' || !field.versions || field.versions.includes(version);
}
