import type { PurposeCatalogue } from '@reuse-pref/schema';
import en from '../messages/en.json';

/** The catalogue's words for one purpose, as a translation supplies them. */
export interface PurposeTexts {
  readonly title: string;
  readonly adultText: string;
  readonly childText: string;
}

/**
 * One message file: every string a page shows that is not data. English ships; another language is one
 * more file of the same shape. Purpose wording and code labels default to the published catalogue and
 * code lists (their English is the source of truth), so a translation adds them and English never
 * repeats them.
 */
export interface MessageBundle<K extends string = string> {
  /** BCP 47 tag; the form records it as the language of the notice the person read. */
  readonly locale: string;
  /** The locale dates are written in, when it is more particular than `locale` (en-GB for English). */
  readonly dateLocale?: string;
  readonly ui: Readonly<Record<K, string>>;
  /** Purpose wording by catalogue version, then purpose code. */
  readonly purposes?: Readonly<Record<string, Readonly<Record<string, PurposeTexts>>>>;
  /** Code list labels by list id (as published in spec/v1/codelists), then code. */
  readonly codes?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export type FormMessageKey = keyof typeof en.ui;
export type FormMessages = MessageBundle<FormMessageKey>;

/** The English message file the form ships with. */
export const englishFormMessages: FormMessages = en;

export type MessageParams = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; a placeholder with no value stays visible rather than vanishing. */
export function formatMessage(template: string, params: MessageParams = {}): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export type Purpose = PurposeCatalogue['purposes'][number];
export type Audience = 'adult' | 'child';
