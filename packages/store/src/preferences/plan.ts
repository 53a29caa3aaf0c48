import type { StatementRow } from '../ports/statements.js';
import { statementKeys } from './subject-keys.js';

/**
 * The statements of one append that end up in one subject: the keys they carry, and the subjects the
 * index already knows under any of those keys (more than one when a new statement links two pupils'
 * histories, which are then one subject from now on).
 */
export interface SubjectGroup {
  /** Every key the group's new statements carry. */
  keys: string[];
  /** Keys not yet in the index. */
  newKeys: string[];
  /** Subjects already indexed under any of `keys`, ascending: the first one is kept, the rest merge into it. */
  subjects: number[];
  /** Indexes into the rows given to planGroups. */
  rows: number[];
}

/**
 * Groups newly stored statements into subjects: statements sharing a key, directly or through other
 * statements or through a subject the index already holds, are one group. `known` maps each key the
 * index already holds to its subject.
 */
export function planGroups(
  rows: readonly Pick<StatementRow, 'urn' | 'upn' | 'uln' | 'localId'>[],
  known: ReadonlyMap<string, number>,
): SubjectGroup[] {
  const parent = new Map<string, string>();
  const find = (node: string): string => {
    let root = node;
    for (let next = parent.get(root); next !== undefined && next !== root; next = parent.get(root))
      root = next;
    // Path compression: later finds are one step.
    for (let at = node; at !== root; ) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  const add = (node: string) => {
    if (!parent.has(node)) parent.set(node, node);
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  const rowKeys = rows.map((row) => statementKeys(row));
  rowKeys.forEach((keys) => {
    for (const key of keys) {
      add(key);
      const subject = known.get(key);
      if (subject !== undefined) {
        // Subjects are nodes too, so two keys of one known subject join even if no new row links them.
        const node = `#${subject}`;
        add(node);
        union(key, node);
      }
      union(keys[0]!, key);
    }
  });
  const groups = new Map<string, SubjectGroup>();
  const groupOf = (node: string): SubjectGroup => {
    const root = find(node);
    let group = groups.get(root);
    if (!group) {
      group = { keys: [], newKeys: [], subjects: [], rows: [] };
      groups.set(root, group);
    }
    return group;
  };
  for (const node of parent.keys()) {
    const group = groupOf(node);
    if (node.startsWith('#')) group.subjects.push(Number(node.slice(1)));
    else {
      group.keys.push(node);
      if (!known.has(node)) group.newKeys.push(node);
    }
  }
  rowKeys.forEach((keys, index) => {
    if (keys.length > 0) groupOf(keys[0]!).rows.push(index);
  });
  const out = [...groups.values()];
  for (const group of out) group.subjects.sort((a, b) => a - b);
  return out;
}
