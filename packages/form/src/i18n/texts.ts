import type { CodeList, PurposeCatalogue } from '@reuse-pref/schema';
import {
  type Audience,
  formatMessage,
  type MessageBundle,
  type MessageParams,
  type Purpose,
} from './messages.js';

/**
 * What a page says, looked up in one place: interface strings from the message file, purpose wording
 * from the catalogue (or the file's translation of it), code labels from the published code lists (or
 * the file's translation). Nothing a page shows is written anywhere else.
 */
export class Texts<K extends string> {
  constructor(
    readonly bundle: MessageBundle<K>,
    /** Used for any key a translation lacks, so a partial translation still renders. */
    private readonly fallback: MessageBundle<K>,
  ) {}

  get locale(): string {
    return this.bundle.locale;
  }

  /** A date (YYYY-MM-DD, read as a calendar date) or an instant, written the reader's way, in UTC. */
  date(iso: string, withTime = false): string {
    return new Intl.DateTimeFormat(this.bundle.dateLocale ?? this.bundle.locale, {
      dateStyle: 'long',
      ...(withTime ? { timeStyle: 'short' } : {}),
      timeZone: 'UTC',
    }).format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso));
  }

  t(key: K, params?: MessageParams): string {
    return formatMessage(this.bundle.ui[key] ?? this.fallback.ui[key] ?? key, params);
  }

  /** `adult`/`child` variants of one message: `key.adult` or `key.child`. */
  for(audience: Audience, key: string, params?: MessageParams): string {
    return this.t(`${key}.${audience}` as K, params);
  }

  purpose(catalogue: PurposeCatalogue, purpose: Purpose, field: 'title' | 'adultText' | 'childText'): string {
    return this.bundle.purposes?.[catalogue.catalogueVersion]?.[purpose.code]?.[field] ?? purpose[field];
  }

  purposeText(catalogue: PurposeCatalogue, purpose: Purpose, audience: Audience): string {
    return this.purpose(catalogue, purpose, audience === 'child' ? 'childText' : 'adultText');
  }

  code(list: CodeList, code: string): string {
    const translated = this.bundle.codes?.[list.id]?.[code];
    if (translated !== undefined) return translated;
    return list.entries.find((e) => e.code === code)?.label ?? code;
  }
}
