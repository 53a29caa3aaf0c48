import { baseStyles } from '@reuse-pref/form/kit';

/** The family pages' shared look, plus the ledger's lists and the receipt marks. */
export const ledgerStyles = `${baseStyles}
section.ledger { max-width: 50rem; }
dl.counts { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0.25rem 1rem; max-width: 26rem; }
dl.counts dt { font-weight: 400; }
dl.counts dd { margin: 0; font-weight: 700; text-align: right; }
ol.releases { list-style: none; margin: 0; padding: 0; }
ol.releases > li { border-top: 2px solid #b1b4b6; padding: 1rem 0; }
article h4 { font-size: 1.25rem; margin: 0 0 0.75rem; }
dl.release { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 1rem; margin: 0; }
dl.release dt { font-weight: 700; }
dl.release dd { margin: 0 0 0.75rem; }
@media (min-width: 40rem) { dl.release { grid-template-columns: minmax(0, 12rem) minmax(0, 1fr); } dl.release dt, dl.release dd { margin-bottom: 0.6rem; } }
dl.release ul { margin: 0; padding-left: 1.25rem; }
.outcome-OVRD { font-weight: 700; }
.receipt { font-weight: 700; margin: 0 0 0.25rem; }
.receipt::before { display: inline-block; width: 1.5rem; }
.receipt[data-receipt="verified"] { color: #00703c; }
.receipt[data-receipt="verified"]::before { content: "\\2713"; }
.receipt[data-receipt="failed"] { color: #d4351c; }
.receipt[data-receipt="failed"]::before { content: "\\2717"; }
.key { font-size: 1rem; }
.error { border: 5px solid #d4351c; padding: 1rem; margin-bottom: 1.5rem; }
`;
