/** Deterministic shuffle seeded from the case id, so a failure reproduces on every machine. */
export function shuffled<T>(items: readonly T[], seed: string): T[] {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
    const j = h % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The statement orders every resolver case runs in: the result must not depend on arrival order. */
export function orders<T>(items: readonly T[], seed: string): [string, T[]][] {
  return [
    ['given', [...items]],
    ['reversed', [...items].reverse()],
    ['shuffled', shuffled(items, seed)],
  ];
}

/**
 * A refusal pointer written for the statements as given (`/statements/1/expressedAt`), moved to where
 * that statement is in another order. Pointers outside the statements are unchanged.
 */
export function pointerInOrder<T>(pointer: string, given: readonly T[], order: readonly T[]): string {
  const m = /^\/statements\/(0|[1-9][0-9]*)(\/.*)?$/.exec(pointer);
  if (!m) return pointer;
  const at = order.indexOf(given[Number(m[1])]!);
  return `/statements/${at}${m[2] ?? ''}`;
}
