/** One entry of a code list: the code on the wire, and what a school data manager reads. */
export interface CodeEntry {
  readonly code: string;
  readonly label: string;
  readonly meaning: string;
  /** Data Privacy Vocabulary term, where one exists. */
  readonly dpv?: string;
}

export interface CodeList<E extends readonly CodeEntry[] = readonly CodeEntry[]> {
  readonly id: string;
  readonly title: string;
  readonly entries: E;
}

export const DPV = 'https://w3id.org/dpv#';

export function codeList<const E extends readonly CodeEntry[]>(
  id: string,
  title: string,
  entries: E,
): CodeList<E> {
  return { id, title, entries };
}

export type CodeOf<L extends CodeList> = L['entries'][number]['code'];

export function codesOf<const L extends CodeList>(list: L): CodeOf<L>[] {
  return list.entries.map((e) => e.code) as CodeOf<L>[];
}
