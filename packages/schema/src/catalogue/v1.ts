import { DPV } from '../codelists/define.js';
import type { PurposeCatalogue } from '../model/catalogue.js';

/**
 * Purpose catalogue version 1. Published as spec/v1/catalogue/1.json. A later version is a new file:
 * a published catalogue version never changes, because stored statements name the version they were
 * collected under.
 */
export const CatalogueV1 = {
  catalogueVersion: '1',
  published: '2026-11-22',
  purposes: [
    {
      code: 'EDUC',
      title: 'Core education',
      kind: 'none',
      defaultLawfulBasis: 'PUBT',
      dpv: `${DPV}ServiceProvision`,
      overridingExemptions: [],
      adultText:
        'Teaching, safeguarding and running the school. A preference never blocks this: it is listed so you can see it happens.',
      childText: 'Your school uses your information to teach you and keep you safe. This always happens.',
    },
    {
      code: 'STAT',
      title: 'Official statistics',
      kind: 'research-objection',
      defaultLawfulBasis: 'PUBT',
      dpv: `${DPV}PublicBenefit`,
      overridingExemptions: ['PINT', 'ANON'],
      adultText:
        'Counting and summarising pupils to publish official statistics. You may object (UK GDPR Art 21(6)) unless the statistics are necessary for a public-interest task.',
      childText: 'The government counts pupils to make tables of numbers. You can say no to being counted.',
    },
    {
      code: 'RSCH',
      title: 'Research inside a trusted research environment',
      kind: 'research-objection',
      defaultLawfulBasis: 'PUBT',
      dpv: `${DPV}AcademicResearch`,
      overridingExemptions: ['PINT', 'ANON'],
      adultText:
        'Researchers study the data inside a secure environment; the data stays there. You may object (UK GDPR Art 21(6)).',
      childText:
        'Researchers look at pupil information in a safe locked room on a computer. It stays there. You can say no.',
    },
    {
      code: 'RSXT',
      title: 'Research with an extract sent out',
      kind: 'research-objection',
      defaultLawfulBasis: 'PUBT',
      dpv: `${DPV}AcademicResearch`,
      overridingExemptions: ['ANON'],
      adultText:
        'A copy of the data is sent to researchers outside the Department. You may object (UK GDPR Art 21(6)).',
      childText: 'A copy of pupil information is sent to researchers. You can say no.',
    },
    {
      code: 'LINK',
      title: 'Linkage with other government data',
      kind: 'objection',
      defaultLawfulBasis: 'PUBT',
      overridingExemptions: ['CMPG', 'ANON'],
      adultText:
        'Joining school records with records held by other government departments (for example health, benefits or earnings). You may object (UK GDPR Art 21(1)).',
      childText:
        'Your school record is joined up with other records the government has about you. You can say no.',
    },
    {
      code: 'COMM',
      title: 'Commercial reuse',
      kind: 'consent',
      defaultLawfulBasis: 'CNST',
      dpv: `${DPV}CommercialResearch`,
      overridingExemptions: ['ANON'],
      adultText:
        'Companies using the data for their business. Only with your consent, which you can withdraw at any time.',
      childText:
        'Companies using pupil information. This only happens if you say yes. You can change your mind.',
    },
    {
      code: 'AIDV',
      title: 'AI and model development, content reuse',
      kind: 'consent',
      defaultLawfulBasis: 'CNST',
      dpv: `${DPV}ResearchAndDevelopment`,
      overridingExemptions: [],
      adultText:
        'Training or testing AI systems, or reusing pupils’ work and content. Only with your consent, which you can withdraw at any time.',
      childText: 'Using your information or your work to teach computers. This only happens if you say yes.',
    },
    {
      code: 'MEDI',
      title: 'Press and media',
      kind: 'consent',
      defaultLawfulBasis: 'CNST',
      overridingExemptions: [],
      adultText: 'Journalists and broadcasters receiving pupil-level data. Only with your consent.',
      childText: 'News reporters getting pupil information. This only happens if you say yes.',
    },
    {
      code: 'OPER',
      title: 'Operational use by other departments',
      kind: 'objection',
      defaultLawfulBasis: 'PUBT',
      overridingExemptions: ['CMPG'],
      adultText:
        'Other government departments using the data to run their services. You may object (UK GDPR Art 21(1)).',
      childText: 'Other parts of the government using your information for their work. You can say no.',
    },
    {
      code: 'IMMI',
      title: 'Immigration enforcement',
      kind: 'objection',
      defaultLawfulBasis: 'PUBT',
      overridingExemptions: ['S2P4', 'CORD'],
      adultText:
        'The Home Office using the data for immigration enforcement. You may object; the law can still require sharing in individual cases, and you will be able to see when that happened.',
      childText:
        'The Home Office checking who can live in the country. You can say no, but sometimes the law says it must happen, and you will be told.',
    },
    {
      code: 'POLC',
      title: 'Policing and crime',
      kind: 'objection',
      defaultLawfulBasis: 'PUBT',
      overridingExemptions: ['S2P2', 'CORD'],
      adultText:
        'Police using the data to prevent or detect crime. You may object; the law can still require sharing in individual cases, and you will be able to see when that happened.',
      childText:
        'The police asking for information. You can say no, but sometimes the law says it must happen, and you will be told.',
    },
    {
      code: 'APPS',
      title: 'Sharing with apps through an integrator',
      kind: 'opt-out',
      defaultLawfulBasis: 'LEGI',
      overridingExemptions: [],
      adultText: 'Your school’s data integrator passing pupil data to apps the school uses. You may opt out.',
      childText: 'Apps your school uses getting your information. You can say no.',
    },
  ],
} as const satisfies PurposeCatalogue;

export type PurposeCodeV1 = (typeof CatalogueV1)['purposes'][number]['code'];
