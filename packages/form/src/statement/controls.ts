import type { ChoiceValue, PurposeKind } from './codes.js';

/**
 * The answers offered for each kind of purpose, in the order shown. Every kind offers REFU ("prefer not
 * to say"); NOBT is never offered, because a form that was filled in has been asked. A purpose of kind
 * `none` offers nothing: core education is listed, not chosen.
 */
export const ANSWERS_BY_KIND: Readonly<Record<PurposeKind, readonly ChoiceValue[]>> = {
  objection: ['OBJT', 'NOOB', 'REFU'],
  'research-objection': ['OBJT', 'NOOB', 'REFU'],
  'opt-out': ['OBJT', 'NOOB', 'REFU'],
  consent: ['CONS', 'DECL', 'REFU'],
  none: [],
};

/** Objections may carry grounds (Art 21(1) "grounds relating to his or her particular situation"). */
export function takesGrounds(kind: PurposeKind, value: ChoiceValue | undefined): boolean {
  return value === 'OBJT' && (kind === 'objection' || kind === 'research-objection');
}

/** The option wording key: objection and research objection read the same to the person answering. */
export function choiceKindKey(kind: PurposeKind): 'objection' | 'opt-out' | 'consent' {
  if (kind === 'consent') return 'consent';
  if (kind === 'opt-out') return 'opt-out';
  return 'objection';
}

export const MAX_GROUNDS = 500;
