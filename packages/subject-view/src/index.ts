export { defineReusePreferenceLedger } from './define.js';
export { LEDGER_TAG, type ReceiptCheckedDetail, ReusePreferenceLedger } from './element/ledger-element.js';
export { ledgerStyles } from './element/styles.js';
export { type LedgerItem, loadLedger } from './ledger/load-ledger.js';
export { englishLedgerMessages, type LedgerMessageKey, type LedgerMessages } from './ledger-messages.js';
export { importLogKey, LogKeyError, logKeyFingerprint } from './verify/log-key.js';
export { type ReceiptCheck, type ReceiptProblem, receiptLeafHash, verifyReceipt } from './verify/receipt.js';
export { treeHeadBytes } from './verify/tree-head.js';
