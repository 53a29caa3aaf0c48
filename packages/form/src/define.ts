import { FORM_TAG, ReusePreferenceForm } from './element/form-element.js';

/**
 * Registers `<reuse-preference-form>` (once; a second call is a no-op, so two scripts on one page agree).
 * A host that wants another tag name can pass it.
 */
export function defineReusePreferenceForm(tag = FORM_TAG): typeof ReusePreferenceForm {
  const existing = customElements.get(tag);
  if (existing) return existing as typeof ReusePreferenceForm;
  customElements.define(tag, class extends ReusePreferenceForm {});
  return customElements.get(tag) as typeof ReusePreferenceForm;
}
