import { importSource } from './runtime.mjs';

/** argv: sqlite <path> | postgres <url> */
export async function storeSpecFrom([kind, where]) {
  if (kind === 'sqlite') return { kind: 'sqlite', path: where };
  if (kind === 'postgres') return { kind: 'postgres', databaseUrl: where };
  throw new Error(`unknown store ${kind}`);
}

export async function openStoreFrom(argv) {
  const { openStore } = await importSource('packages/server/src/open-store.ts');
  return openStore(await storeSpecFrom(argv));
}
