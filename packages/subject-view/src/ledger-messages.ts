import type { MessageBundle } from '@reuse-pref/form/kit';
import en from './messages/en.json';

export type LedgerMessageKey = keyof typeof en.ui;
export type LedgerMessages = MessageBundle<LedgerMessageKey>;

/** The English message file the subject view ships with. */
export const englishLedgerMessages: LedgerMessages = en;
