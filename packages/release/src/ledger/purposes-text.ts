import { canonicalJson, type PurposeOutcome } from '@reuse-pref/schema';

// A subject's purposes are serialised twice per subject of a release (canonically in its ledger entry,
// as a document in its outcome), and generic serialisation sorts or walks the same five keys each time.
// PurposeOutcome is a closed shape (additionalProperties: false), so both texts are written field by
// field here; canonicalJson of a string, boolean or null is what JSON.stringify writes for it.

/**
 * `canonicalJson(purposes)`: each purpose's members in RFC 8785 order (decidedBy, default,
 * overriddenBy, purpose, shared), an absent overriddenBy left out.
 */
export function canonicalPurposesText(purposes: readonly PurposeOutcome[]): string {
  let out = '[';
  for (let i = 0; i < purposes.length; i++) {
    const p = purposes[i]!;
    if (i > 0) out += ',';
    out += `{"decidedBy":${canonicalJson(p.decidedBy)},"default":${canonicalJson(p.default)},`;
    if (p.overriddenBy !== undefined) out += `"overriddenBy":${canonicalJson(p.overriddenBy)},`;
    out += `"purpose":${canonicalJson(p.purpose)},"shared":${canonicalJson(p.shared)}}`;
  }
  return `${out}]`;
}

/**
 * `JSON.stringify(purposes)` for purposes as the gate makes them (members in the order purpose, shared,
 * default, decidedBy, then overriddenBy when present).
 */
export function purposesDocumentText(purposes: readonly PurposeOutcome[]): string {
  let out = '[';
  for (let i = 0; i < purposes.length; i++) {
    const p = purposes[i]!;
    if (i > 0) out += ',';
    out += `{"purpose":${canonicalJson(p.purpose)},"shared":${canonicalJson(p.shared)},"default":${canonicalJson(p.default)},"decidedBy":${canonicalJson(p.decidedBy)}`;
    out += p.overriddenBy !== undefined ? `,"overriddenBy":${canonicalJson(p.overriddenBy)}}` : '}';
  }
  return `${out}]`;
}
