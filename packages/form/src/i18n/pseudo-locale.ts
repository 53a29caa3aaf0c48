import type { CodeList, PurposeCatalogue } from '@reuse-pref/schema';
import type { MessageBundle, PurposeTexts } from './messages.js';

/** Marks that open and close every pseudo-localised string: text outside them was never looked up. */
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

const ACCENTED: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ď',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ĺ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'ú',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Á',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ď',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Í',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ĺ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ö',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Ú',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

/**
 * en-XA style pseudo-translation: letters accented, about a third longer (translations run long), wrapped
 * in ⟦ ⟧. Placeholders such as `{pupil}` are kept, so the data they carry still reads in the page.
 */
export function pseudoText(text: string): string {
  const parts = text.split(/(\{[A-Za-z0-9_]+\})/);
  const body = parts
    .map((part) => (part.startsWith('{') ? part : [...part].map((ch) => ACCENTED[ch] ?? ch).join('')))
    .join('');
  const letters = text.replace(/\{[A-Za-z0-9_]+\}|\s/g, '').length;
  return `${PSEUDO_OPEN}${body}${'·'.repeat(Math.ceil(letters / 3))}${PSEUDO_CLOSE}`;
}

/**
 * A complete pseudo-locale from an English bundle: every interface string, every purpose's wording in the
 * given catalogues and every label in the given code lists. A page rendered with it shows ⟦…⟧ around
 * every word it looked up; a word without them was written into the code.
 */
export function pseudoLocalise<K extends string>(
  english: MessageBundle<K>,
  sources: { catalogues?: readonly PurposeCatalogue[]; codeLists?: readonly CodeList[] } = {},
): MessageBundle<K> {
  const ui = Object.fromEntries(
    Object.entries(english.ui).map(([key, text]) => [key, pseudoText(text as string)]),
  ) as Record<K, string>;
  const purposes: Record<string, Record<string, PurposeTexts>> = {};
  for (const catalogue of sources.catalogues ?? []) {
    purposes[catalogue.catalogueVersion] = Object.fromEntries(
      catalogue.purposes.map((p) => [
        p.code,
        {
          title: pseudoText(p.title),
          adultText: pseudoText(p.adultText),
          childText: pseudoText(p.childText),
        },
      ]),
    );
  }
  const codes: Record<string, Record<string, string>> = {};
  for (const list of sources.codeLists ?? []) {
    codes[list.id] = Object.fromEntries(list.entries.map((e) => [e.code, pseudoText(e.label)]));
  }
  return { locale: 'en-XA', dateLocale: 'en-XA', ui, purposes, codes };
}
