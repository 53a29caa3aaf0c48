import { CodeLists, LatestCatalogue } from '@reuse-pref/schema';
import { describe, expect, it } from 'vitest';
import {
  ANSWERS_BY_KIND,
  COMPETENCE_ANSWERS,
  englishFormMessages,
  formatMessage,
  type MessageBundle,
  PSEUDO_CLOSE,
  PSEUDO_OPEN,
  pseudoLocalise,
  pseudoText,
  RESPONDENT_ROLES,
  Texts,
} from '../src/index.js';
import { choiceKindKey } from '../src/statement/controls.js';

const keys = new Set(Object.keys(englishFormMessages.ui));

describe('the English message file', () => {
  it('has every key the form builds at run time', () => {
    const wanted: string[] = [];
    for (const audience of ['adult', 'child']) {
      for (const p of LatestCatalogue.purposes) {
        if (p.kind === 'none') continue;
        wanted.push(`form.kind.${p.kind}.${audience}`);
        for (const value of ANSWERS_BY_KIND[p.kind]) {
          wanted.push(
            value === 'REFU'
              ? `form.choice.REFU.${audience}`
              : `form.choice.${choiceKindKey(p.kind)}.${value}.${audience}`,
          );
        }
      }
      for (const key of [
        'form.title',
        'form.intro',
        'form.always',
        'form.purposes.heading',
        'form.grounds.label',
      ])
        wanted.push(`${key}.${audience}`);
    }
    for (const role of RESPONDENT_ROLES) wanted.push(`form.who.${role}`);
    for (const answer of COMPETENCE_ANSWERS) wanted.push(`form.competence.${answer}`);
    expect(wanted.filter((key) => !keys.has(key))).toEqual([]);
  });

  it('is English and names its locale', () => {
    expect(englishFormMessages.locale).toBe('en');
  });
});

describe('formatMessage', () => {
  it('fills each placeholder and leaves an unknown one visible', () => {
    expect(formatMessage('{a} and {b}, {a} again; {c}', { a: 'x', b: 2 })).toBe('x and 2, x again; {c}');
  });
});

describe('Texts', () => {
  const partial: MessageBundle<string> = {
    locale: 'cy',
    ui: { 'form.submit': 'Anfon fy atebion' },
    purposes: {
      [LatestCatalogue.catalogueVersion]: { LINK: { title: 'Cysylltu', adultText: 'A', childText: 'C' } },
    },
    codes: { 'release-outcomes': { INCL: 'Wedi’i gynnwys' } },
  };
  const texts = new Texts<string>(partial, englishFormMessages);
  const link = LatestCatalogue.purposes.find((p) => p.code === 'LINK')!;
  const stat = LatestCatalogue.purposes.find((p) => p.code === 'STAT')!;
  const outcomes = CodeLists.find((l) => l.id === 'release-outcomes')!;

  it('takes a translation where there is one and English where there is not', () => {
    expect(texts.t('form.submit')).toBe('Anfon fy atebion');
    expect(texts.t('form.who.legend')).toBe(englishFormMessages.ui['form.who.legend']);
  });

  it('takes purpose wording from the translation, else from the catalogue', () => {
    expect(texts.purposeText(LatestCatalogue, link, 'child')).toBe('C');
    expect(texts.purpose(LatestCatalogue, stat, 'title')).toBe(stat.title);
    expect(texts.purposeText(LatestCatalogue, stat, 'adult')).toBe(stat.adultText);
  });

  it('writes dates in the bundle’s date locale, in UTC, a calendar date as that date', () => {
    const english = new Texts(englishFormMessages, englishFormMessages);
    expect(english.date('2029-12-31')).toBe('31 December 2029');
    expect(english.date('2026-11-01T23:30:00-01:00', true)).toBe('2 November 2026 at 00:30');
  });

  it('takes code labels from the translation, else from the published code list', () => {
    expect(texts.code(outcomes, 'INCL')).toBe('Wedi’i gynnwys');
    expect(texts.code(outcomes, 'EXCL')).toBe('Excluded');
  });
});

describe('the pseudo-locale', () => {
  const pseudo = pseudoLocalise(englishFormMessages, { catalogues: [LatestCatalogue], codeLists: CodeLists });

  it('marks every interface string and keeps its placeholders', () => {
    for (const [key, text] of Object.entries(pseudo.ui)) {
      expect(text.startsWith(PSEUDO_OPEN) && text.endsWith(PSEUDO_CLOSE), key).toBe(true);
      const placeholders = (s: string) => (s.match(/\{[A-Za-z0-9_]+\}/g) ?? []).sort();
      expect(placeholders(text), key).toEqual(placeholders(englishFormMessages.ui[key as never]));
    }
    expect(Object.keys(pseudo.ui)).toEqual(Object.keys(englishFormMessages.ui));
  });

  it('covers every purpose text and every code label', () => {
    const version = LatestCatalogue.catalogueVersion;
    for (const p of LatestCatalogue.purposes) {
      for (const field of ['title', 'adultText', 'childText'] as const)
        expect(pseudo.purposes?.[version]?.[p.code]?.[field]).toBe(pseudoText(p[field]));
    }
    for (const list of CodeLists) {
      for (const entry of list.entries)
        expect(pseudo.codes?.[list.id]?.[entry.code]).toBe(pseudoText(entry.label));
    }
  });

  it('accents letters and grows the text, as translations do', () => {
    expect(pseudoText('Send {n}')).toBe('⟦Šéñď {n}··⟧');
  });
});
