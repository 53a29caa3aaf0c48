/**
 * The `<ReusePreferences>` block versions a reader accepts. MIS products accept the current and the
 * previous annual CTF version (DESIGN.md §6), so the reader reads both and the writer writes the current.
 * docs/decisions/0007-xml-carriage.md records what changed between them.
 */
export const BlockVersions = {
  /** CTF 26.0 and the 2026/27 census: `Version="1.1"`, `<Grounds>`, `<Provenance>`. */
  current: '1.1',
  /** CTF 25.0: no Version attribute, grounds in `<Reason>`, no `<Provenance>`. */
  previous: '1.0',
} as const;

export type BlockVersion = (typeof BlockVersions)[keyof typeof BlockVersions];

/** The CTF version each block version rides in, for the file header. */
export const CtfVersionFor: Record<BlockVersion, string> = { '1.1': '26.0', '1.0': '25.0' };

/** The element holding grounds text, which was renamed in 1.1 to match the JSON field and the census guide. */
export const groundsElement = (version: BlockVersion) => (version === '1.0' ? 'Reason' : 'Grounds');
