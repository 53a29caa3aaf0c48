import { codeList, DPV } from './define.js';

export const ChoiceValues = codeList('choice-values', 'What the person said about one purpose', [
  {
    code: 'OBJT',
    label: 'Objects / opts out',
    meaning: 'The person objects to, or opts out of, this purpose.',
  },
  { code: 'NOOB', label: 'No objection', meaning: 'The person was asked and does not object.' },
  {
    code: 'CONS',
    label: 'Consents',
    meaning: 'The person gives consent (opt-in) for this purpose.',
    dpv: `${DPV}Consent`,
  },
  {
    code: 'DECL',
    label: 'Declines consent',
    meaning: 'The person was asked for consent and declined, or withdrew it.',
  },
  {
    code: 'REFU',
    label: 'Refused to answer',
    meaning: 'The person was asked and chose not to answer. Same effect as silence, but recorded as stated.',
  },
  {
    code: 'NOBT',
    label: 'Not yet obtained',
    meaning: 'The question has not been answered yet. Not an answer: it never replaces an earlier one.',
  },
]);

export const ExpressedByRoles = codeList('expressed-by', 'Who expressed the statement', [
  { code: 'PUP', label: 'Pupil', meaning: 'The pupil, speaking for themself.' },
  { code: 'PAR', label: 'Parental responsibility', meaning: 'A person with parental responsibility.' },
  { code: 'CAR', label: 'Carer', meaning: 'A carer acting for the pupil.' },
  {
    code: 'CORP',
    label: 'Corporate parent',
    meaning: 'The local authority, for a looked-after child.',
  },
  {
    code: 'REP',
    label: 'Representative',
    meaning: 'A representative acting for the pupil (e.g. solicitor, advocate).',
  },
  {
    code: 'SCH',
    label: 'School on instruction',
    meaning: 'Recorded by the school on the instruction of the person named.',
  },
]);

export const CompetenceBases = codeList('competence-basis', 'Why this person may speak for the pupil', [
  { code: 'ASSD', label: 'Assessed competent', meaning: 'The pupil was assessed as competent to decide.' },
  { code: 'PR12', label: 'Presumed at 12', meaning: 'The pupil is presumed competent from age 12.' },
  {
    code: 'AUTH',
    label: 'Authorised by the child',
    meaning: 'A competent child authorised this person to act.',
  },
  {
    code: 'BINT',
    label: 'Best interests',
    meaning: 'Acting in the best interests of a child who cannot decide.',
  },
  { code: 'NA', label: 'Not applicable', meaning: 'No competence question arises.' },
]);

export const Channels = codeList('channels', 'How the statement reached the record', [
  { code: 'PAPR', label: 'Paper form', meaning: 'Admission form or data collection sheet on paper.' },
  { code: 'ONLN', label: 'Online form', meaning: 'An online form or parent portal.' },
  { code: 'MISE', label: 'Office entry', meaning: 'Entered in the MIS by school staff.' },
  { code: 'EMAL', label: 'Email', meaning: 'Received by email.' },
  { code: 'VERB', label: 'Verbal', meaning: 'Said in person or by phone, recorded by staff.' },
  { code: 'APIX', label: 'Via API', meaning: 'Submitted through an API by another system.' },
  {
    code: 'CTFI',
    label: 'CTF import',
    meaning: 'Imported with a Common Transfer File from a previous school.',
  },
]);

export const PurposeKinds = codeList(
  'purpose-kinds',
  'Which right a purpose engages, and so which values it takes',
  [
    {
      code: 'objection',
      label: 'Objection',
      meaning: 'Art 21(1) right to object to public task or legitimate interests.',
    },
    {
      code: 'research-objection',
      label: 'Research objection',
      meaning: 'Art 21(6) right to object to research or statistics.',
    },
    {
      code: 'opt-out',
      label: 'Opt-out',
      meaning: 'Shared unless the person opts out (legitimate interests).',
    },
    { code: 'consent', label: 'Consent', meaning: 'Not shared unless the person opts in (Art 6(1)(a)).' },
    {
      code: 'none',
      label: 'Listed only',
      meaning: 'Never blocked by a preference; listed for transparency. Takes no choices.',
    },
  ],
);

export const LawfulBases = codeList('lawful-bases', 'UK GDPR Art 6(1) lawful bases', [
  { code: 'CNST', label: 'Consent', meaning: 'Art 6(1)(a)', dpv: `${DPV}Consent` },
  { code: 'CONT', label: 'Contract', meaning: 'Art 6(1)(b)', dpv: `${DPV}Contract` },
  { code: 'LEGO', label: 'Legal obligation', meaning: 'Art 6(1)(c)', dpv: `${DPV}LegalObligation` },
  { code: 'VITL', label: 'Vital interests', meaning: 'Art 6(1)(d)', dpv: `${DPV}VitalInterest` },
  { code: 'PUBT', label: 'Public task', meaning: 'Art 6(1)(e)', dpv: `${DPV}OfficialAuthorityOfController` },
  { code: 'LEGI', label: 'Legitimate interests', meaning: 'Art 6(1)(f)', dpv: `${DPV}LegitimateInterest` },
]);

export const Exemptions = codeList(
  'exemptions',
  'Grounds on which a release may include a person who objected',
  [
    {
      code: 'S2P2',
      label: 'Crime and taxation',
      meaning: 'DPA 2018 Sch 2 Part 1 para 2: prevention or detection of crime.',
    },
    {
      code: 'S2P4',
      label: 'Immigration',
      meaning: 'DPA 2018 Sch 2 Part 1 para 4: effective immigration control.',
    },
    {
      code: 'CORD',
      label: 'Court order',
      meaning: 'Disclosure required by an order of a court or tribunal.',
    },
    { code: 'ANON', label: 'Anonymised', meaning: 'Only anonymised data leaves; no person is identifiable.' },
    {
      code: 'CMPG',
      label: 'Compelling legitimate grounds',
      meaning: 'Art 21(1): compelling grounds that override.',
    },
    {
      code: 'PINT',
      label: 'Public-interest task',
      meaning: 'Art 21(6): necessary for a task in the public interest.',
    },
  ],
);

export const RecipientClasses = codeList('recipient-classes', 'What kind of body receives a release', [
  { code: 'ACAD', label: 'Academic', meaning: 'University or academic research body.' },
  { code: 'GOVD', label: 'Government department', meaning: 'A central government department.' },
  { code: 'LAUT', label: 'Local authority', meaning: 'A local authority.' },
  { code: 'CHAR', label: 'Charity', meaning: 'A charity or think tank.' },
  { code: 'COMM', label: 'Commercial', meaning: 'A company.' },
  { code: 'MEDI', label: 'Media', meaning: 'Press, broadcaster or journalist.' },
  { code: 'POLC', label: 'Police', meaning: 'A police force.' },
  { code: 'HOFF', label: 'Home Office', meaning: 'The Home Office, including immigration enforcement.' },
]);

export const DeliveryModes = codeList('delivery-modes', 'How released data reaches the recipient', [
  {
    code: 'TRE',
    label: 'Trusted research environment',
    meaning: 'The data stays; the recipient comes to it.',
  },
  { code: 'EXTR', label: 'Extract', meaning: 'A copy of the data is sent to the recipient.' },
]);

export const IdentifiabilityTiers = codeList(
  'identifiability-tiers',
  'How identifying the released data is',
  [
    { code: '1', label: 'Tier 1', meaning: 'Instant identifiers (names, addresses).' },
    { code: '2', label: 'Tier 2', meaning: 'Meaningful identifiers (UPN, date of birth).' },
    { code: '3', label: 'Tier 3', meaning: 'Identifying characteristics (small cells, postcode).' },
    { code: '4', label: 'Tier 4', meaning: 'Non-identifying.' },
  ],
);

export const SensitivityTiers = codeList('sensitivity-tiers', 'How sensitive the released data is', [
  { code: 'A', label: 'Tier A', meaning: 'Highly sensitive (e.g. children in need, exclusions reasons).' },
  { code: 'B', label: 'Tier B', meaning: 'Sensitive (e.g. SEN, free school meals).' },
  { code: 'C', label: 'Tier C', meaning: 'Sensitive attainment and attendance detail.' },
  { code: 'D', label: 'Tier D', meaning: 'Less sensitive.' },
  { code: 'E', label: 'Tier E', meaning: 'Not sensitive.' },
]);

export const ReleaseOutcomes = codeList('release-outcomes', 'What a release did with one subject', [
  {
    code: 'INCL',
    label: 'Included',
    meaning: 'Included: the effective preferences allow every requested purpose.',
  },
  { code: 'EXCL', label: 'Excluded', meaning: 'Left out because of a preference.' },
  {
    code: 'OVRD',
    label: 'Included under exemption',
    meaning: 'Included despite an objection, under a named exemption, and shown to the subject.',
  },
]);

export const Severities = codeList('severities', 'How serious a validation finding is', [
  { code: 'error', label: 'Error', meaning: 'Must be fixed; the record is rejected.' },
  { code: 'query', label: 'Query', meaning: 'Unusual; accepted with a warning that must be explained.' },
]);

/** Every code list, in the order the spec publishes them. */
export const CodeLists = [
  ChoiceValues,
  ExpressedByRoles,
  CompetenceBases,
  Channels,
  PurposeKinds,
  LawfulBases,
  Exemptions,
  RecipientClasses,
  DeliveryModes,
  IdentifiabilityTiers,
  SensitivityTiers,
  ReleaseOutcomes,
  Severities,
] as const;
