// The preferences index status of a store, in its own process. argv: <store kind> <where>.
import { openStoreFrom } from './open-store.mjs';

const store = await openStoreFrom(process.argv.slice(2));
console.log(JSON.stringify(await store.preferences.status()));
await store.close();
