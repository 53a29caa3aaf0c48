// The two pages `pnpm bench form` compares: the same school's data collection sheet for the same pupil,
// once as <reuse-preference-form> (the package's browser build) and once as a plain HTML form with the
// same fields and the same words, which needs no JavaScript at all.
import { ANSWERS_BY_KIND, englishFormMessages, formStyles } from '../../../packages/form/dist/index.js';
import { LatestCatalogue } from '../../../packages/schema/dist/catalogue.js';

const ui = englishFormMessages.ui;
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const fill = (s, params) => s.replace(/\{(\w+)\}/g, (_, k) => params[k] ?? `{${k}}`);

export const PUPIL = {
  name: 'Ben Taylor',
  subject: { upn: 'M801400120102', localId: 'ADM-0002', dateOfBirth: '2015-05-20' },
  setting: { urn: '137245', laEstab: '8014001' },
  notice: { id: 'NOTICE-DCS', version: '2026.1' },
  respondents: [
    { role: 'PAR', personRef: 'C-00021', name: 'Ms Taylor' },
    { role: 'PAR', personRef: 'C-00022', name: 'Mr Taylor' },
    { role: 'PUP', personRef: 'P-0002', name: 'Ben' },
  ],
};

function shell(title, head, body) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><link rel="icon" href="data:,">
<style>body { margin: 0; font-family: system-ui, sans-serif; } main { max-width: 50rem; margin: 0 auto; padding: 1rem; }</style>
${head}</head><body><main><h1>${esc(title)}</h1>
${body}
</main></body></html>`;
}

export function elementPage() {
  const json = (v) => esc(JSON.stringify(v));
  return shell(
    `Data collection sheet: ${PUPIL.name}`,
    '<script type="module" src="/assets/reuse-preference-form.js"></script>',
    `<reuse-preference-form pupil-name="${esc(PUPIL.name)}" subject="${json(PUPIL.subject)}" setting="${json(PUPIL.setting)}"
 notice="${json(PUPIL.notice)}" respondents="${json(PUPIL.respondents)}"></reuse-preference-form>`,
  );
}

const kindKey = (kind) => (kind === 'consent' ? 'consent' : kind === 'opt-out' ? 'opt-out' : 'objection');

export function plainPage() {
  const radio = (name, value, label) =>
    `<div class="option"><input type="radio" id="${name}-${value}" name="${name}" value="${esc(value)}"><label for="${name}-${value}">${esc(label)}</label></div>`;
  const purposes = LatestCatalogue.purposes
    .map((p) => {
      if (p.kind === 'none')
        return `<section class="always"><h4>${esc(p.title)}</h4><p>${esc(p.adultText)}</p><p class="kind">${esc(ui['form.always.adult'])}</p></section>`;
      const options = ANSWERS_BY_KIND[p.kind]
        .map((v) =>
          radio(
            `purpose-${p.code}`,
            v,
            v === 'REFU' ? ui['form.choice.REFU.adult'] : ui[`form.choice.${kindKey(p.kind)}.${v}.adult`],
          ),
        )
        .join('');
      const grounds =
        p.kind === 'objection' || p.kind === 'research-objection'
          ? `<div class="grounds"><label for="g-${p.code}">${esc(ui['form.grounds.label.adult'])}</label><textarea id="g-${p.code}" name="grounds-${p.code}" maxlength="500" rows="3"></textarea></div>`
          : '';
      return `<fieldset class="purpose"><legend><h4>${esc(p.title)}</h4></legend><p>${esc(p.adultText)}</p><p class="kind">${esc(ui[`form.kind.${p.kind}.adult`])}</p><div class="options">${options}</div>${grounds}</fieldset>`;
    })
    .join('\n');
  const who = PUPIL.respondents
    .map((r, i) => radio('who', String(i), fill(ui[`form.who.${r.role}`], { name: r.name })))
    .join('');
  const form = `<form method="post" action="/statements">
<h2>${esc(fill(ui['form.title.adult'], { pupil: PUPIL.name }))}</h2><p>${esc(ui['form.intro.adult'])}</p>
<fieldset><legend>${esc(ui['form.who.legend'])}</legend><p class="hint">${esc(fill(ui['form.who.hint'], { age: 12 }))}</p><div class="options">${who}</div></fieldset>
<h3>${esc(ui['form.purposes.heading.adult'])}</h3>
${purposes}
<button type="submit">${esc(ui['form.submit'])}</button></form>`;
  // The element's own stylesheet, so both pages are styled alike (its :host rules simply do not apply).
  return shell(`Data collection sheet: ${PUPIL.name}`, `<style>${formStyles}</style>`, form);
}
