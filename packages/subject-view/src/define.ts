import { LEDGER_TAG, ReusePreferenceLedger } from './element/ledger-element.js';

/** Registers `<reuse-preference-ledger>` (once; a second call is a no-op). */
export function defineReusePreferenceLedger(tag = LEDGER_TAG): typeof ReusePreferenceLedger {
  const existing = customElements.get(tag);
  if (existing) return existing as typeof ReusePreferenceLedger;
  customElements.define(tag, class extends ReusePreferenceLedger {});
  return customElements.get(tag) as typeof ReusePreferenceLedger;
}
