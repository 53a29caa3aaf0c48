/**
 * Styles every family page shares. Colours meet WCAG 2.2 AA contrast on white (text 19.8:1, links
 * 5.2:1, errors 4.5:1, the button 5.6:1); focus is a yellow band with a dark edge that shows on any
 * background (GOV.UK's pattern); targets are at least 24 px (WCAG 2.5.8). Sizes are in rem so that the
 * page follows the reader's text size, and nothing has a fixed width, so 320 px needs no sideways scroll.
 */
export const baseStyles = `
:host { display: block; color: #0b0c0c; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: 1.125rem; line-height: 1.45; overflow-wrap: anywhere; }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
h2 { font-size: 1.6rem; line-height: 1.2; margin: 0 0 1rem; }
h3 { font-size: 1.25rem; line-height: 1.3; margin: 0 0 0.5rem; }
h4 { font-size: 1.125rem; line-height: 1.3; margin: 0 0 0.5rem; }
p { margin: 0 0 1rem; }
a { color: #1d70b8; text-decoration: underline; text-underline-offset: 0.15em; }
a:visited { color: #4c2c92; }
a:focus, button:focus, input:focus, textarea:focus, summary:focus, [tabindex]:focus {
  outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: 0 0 0 5px #0b0c0c; }
a:focus { background: #ffdd00; color: #0b0c0c; text-decoration: none; box-shadow: 0 4px #0b0c0c; outline: none; }
.visually-hidden { position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important;
  padding: 0 !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; clip-path: inset(50%) !important;
  border: 0 !important; white-space: nowrap !important; }
.hint { color: #484949; }
.panel { border: 5px solid #00703c; padding: 1rem; margin-bottom: 1.5rem; }
.panel:focus { outline: 3px solid #ffdd00; }
`;

export const formStyles = `${baseStyles}
form { max-width: 44rem; }
fieldset { border: 0; margin: 0 0 1.5rem; padding: 0; min-width: 0; }
legend { font-weight: 700; font-size: 1.25rem; padding: 0; margin-bottom: 0.5rem; max-width: 100%; white-space: normal; }
.purpose > legend { width: 100%; border-top: 2px solid #b1b4b6; padding-top: 1rem; }
.purpose > legend h4 { margin: 0; }
.kind { display: inline-block; font-weight: 700; background: #e8f1f8; color: #0b0c0c; padding: 0.1rem 0.5rem; margin-bottom: 0.75rem; }
.always { border-left: 10px solid #b1b4b6; padding: 0.5rem 1rem; margin-bottom: 1.5rem; }
.always h3 { margin-bottom: 0.25rem; }
.options { display: grid; gap: 0.5rem; }
.option { display: flex; align-items: flex-start; gap: 0.6rem; min-height: 2.75rem; padding: 0.35rem 0; }
.option input { flex: none; width: 1.75rem; height: 1.75rem; margin: 0; accent-color: #0b0c0c; }
.option label { padding-top: 0.1rem; cursor: pointer; }
details { margin: 0 0 0.75rem; }
summary { color: #1d70b8; cursor: pointer; text-decoration: underline; min-height: 1.5rem; }
.grounds { margin: 0.75rem 0 0 2.35rem; }
.grounds label, .signed-on label { display: block; font-weight: 700; }
textarea, input[type="date"] { font: inherit; border: 2px solid #0b0c0c; padding: 0.35rem; max-width: 100%; }
textarea { width: 100%; min-height: 5rem; }
.error-summary { border: 5px solid #d4351c; padding: 1rem; margin-bottom: 1.5rem; }
.error-summary ul { margin: 0; padding-left: 1.25rem; }
.error-summary a { color: #d4351c; font-weight: 700; }
.field-error { color: #d4351c; font-weight: 700; margin: 0 0 0.5rem; }
.has-error { border-left: 5px solid #d4351c; padding-left: 0.9rem; }
button { font: inherit; font-weight: 600; color: #fff; background: #00703c; border: 0; border-bottom: 2px solid #002d18;
  padding: 0.6rem 1rem; min-height: 2.75rem; cursor: pointer; }
button:hover { background: #005a30; }
button:focus { color: #0b0c0c; background: #ffdd00; box-shadow: 0 2px 0 #0b0c0c; outline: 3px solid transparent; }
button[disabled] { opacity: 0.6; cursor: progress; }
.secondary { color: #0b0c0c; background: #f3f2f1; border-bottom-color: #929191; }
.status { min-height: 1.5rem; }
dl.answers { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.25rem 1rem; }
dl.answers dt { font-weight: 700; }
dl.answers dd { margin: 0 0 0.5rem; }
@media (min-width: 40rem) { dl.answers { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } }
.print-only { display: none; }
@media print {
  :host { font-size: 11pt; color: #000; }
  button, .error-summary, .status, details, .screen-only { display: none !important; }
  .print-only { display: block; }
  .purpose, fieldset, .always { break-inside: avoid; }
  .grounds { display: block !important; }
  .grounds textarea { min-height: 4rem; }
  .option input { width: 1.1rem; height: 1.1rem; }
  .lines { display: grid; grid-template-columns: 1fr 1fr; gap: 2rem; margin: 2rem 0 1rem; }
  .line { border-bottom: 1px solid #000; padding-top: 2rem; }
  .office { border: 2px solid #000; padding: 0.75rem; margin-top: 1rem; }
}
`;
