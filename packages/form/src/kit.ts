// `@reuse-pref/form/kit`: what every family page is made of (the DOM builder, message files and their
// lookup, the pseudo-locale, the shared styles), without the form itself. The subject view builds on it.
export { type Attrs, append, type Child, datum, h } from './dom/h.js';
export { upgradeProperties } from './dom/upgrade-properties.js';
export { baseStyles } from './element/styles.js';
export {
  type Audience,
  formatMessage,
  type MessageBundle,
  type MessageParams,
  type PurposeTexts,
} from './i18n/messages.js';
export { PSEUDO_CLOSE, PSEUDO_OPEN, pseudoLocalise, pseudoText } from './i18n/pseudo-locale.js';
export { Texts } from './i18n/texts.js';
