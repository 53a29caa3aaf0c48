import type { PurposeCatalogue, Statement } from '@reuse-pref/schema';
import { type Child, h } from '../dom/h.js';
import type { Audience, FormMessageKey, Purpose } from '../i18n/messages.js';
import type { Texts } from '../i18n/texts.js';
import { ageOnDate } from '../statement/build-statement.js';
import type { ChoiceValue } from '../statement/codes.js';
import { asksCompetence, COMPETENCE_ANSWERS } from '../statement/competence.js';
import { ANSWERS_BY_KIND, choiceKindKey, MAX_GROUNDS, takesGrounds } from '../statement/controls.js';
import type { FormConfig } from './config.js';
import type { FieldError, FormState } from './form-state.js';

export interface FormViewOptions {
  readonly config: FormConfig;
  readonly catalogue: PurposeCatalogue;
  readonly texts: Texts<FormMessageKey>;
  readonly state: FormState;
  /** Today's date where the person is, YYYY-MM-DD: the latest date a paper form can be signed. */
  readonly today: string;
  readonly onSubmit: () => void;
}

/**
 * The form's DOM, built once and then updated in place: choosing who answers switches the wording between
 * adult and child text without rebuilding anything, so keyboard focus never jumps.
 */
export class FormView {
  readonly root: HTMLFormElement;
  private readonly onAudience: ((audience: Audience) => void)[] = [];
  private readonly errorSummary: HTMLDivElement;
  private readonly status: HTMLParagraphElement;
  private readonly submitButton: HTMLButtonElement;
  private readonly competenceGroup: HTMLFieldSetElement;
  private readonly underAgeNote: HTMLParagraphElement;
  private readonly groundsBoxes = new Map<string, HTMLDivElement>();
  /** Each group that can show an error: its container and its inline error line. */
  private readonly groups = new Map<string, { box: HTMLElement; error: HTMLParagraphElement }>();

  constructor(private readonly o: FormViewOptions) {
    const { texts: x, config } = o;
    this.errorSummary = h('div', {
      class: 'error-summary',
      role: 'alert',
      tabindex: -1,
      hidden: true,
      'aria-labelledby': 'error-summary-title',
    });
    this.status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    this.submitButton = h(
      'button',
      { type: 'submit', id: 'submit' },
      x.t(config.channel === 'ONLN' ? 'form.submit' : 'form.submit.office'),
    );
    this.competenceGroup = this.competenceFieldset();
    this.underAgeNote = h('p', { class: 'hint', hidden: true });
    this.root = h(
      'form',
      {
        novalidate: true,
        'aria-labelledby': 'form-title',
        onsubmit: (event) => {
          event.preventDefault();
          o.onSubmit();
        },
      },
      this.header(),
      h('p', { class: 'print-only' }, x.t('print.instructions')),
      this.errorSummary,
      this.whoFieldset(),
      this.competenceGroup,
      this.underAgeNote,
      this.purposes(),
      config.channel === 'PAPR' ? this.signedOnField() : null,
      this.printFooter(),
      h('div', { class: 'screen-only' }, this.submitButton),
      this.status,
    );
    this.applyRespondent();
  }

  /** Adult wording until a pupil says they are the one answering. */
  get audience(): Audience {
    const r = this.respondent();
    return r?.role === 'PUP' ? 'child' : 'adult';
  }

  private respondent() {
    const i = this.o.state.respondent;
    return i === undefined ? undefined : this.o.config.respondents[i];
  }

  private pupilAge(): number | undefined {
    return ageOnDate(this.o.config.subject?.dateOfBirth, this.o.today);
  }

  private pupil(): string {
    return this.o.config.pupilName ?? this.o.texts.t('form.thePupil');
  }

  /** A text node whose words follow the audience. */
  private audienceText(key: string, params?: Record<string, string | number>): Text {
    const node = document.createTextNode('');
    this.onAudience.push((audience) => {
      node.data = this.o.texts.for(audience, key, params);
    });
    return node;
  }

  private header(): Child[] {
    const { texts: x, config } = this.o;
    const notice = config.notice;
    return [
      h('h2', { id: 'form-title', tabindex: -1 }, this.audienceText('form.title', { pupil: this.pupil() })),
      h('p', {}, this.audienceText('form.intro')),
      notice?.href
        ? h(
            'p',
            { class: 'screen-only' },
            h(
              'a',
              { href: notice.href, target: '_blank', rel: 'noopener' },
              x.t('form.notice.link', { version: notice.version }),
            ),
          )
        : null,
    ];
  }

  private radio(
    group: string,
    id: string,
    value: string,
    label: Child,
    checked: boolean,
    onSelect: () => void,
  ): HTMLDivElement {
    return h(
      'div',
      { class: 'option' },
      h('input', { type: 'radio', id, name: group, value, checked, onchange: onSelect }),
      h('label', { for: id }, label),
    );
  }

  private errorLine(field: string): HTMLParagraphElement {
    return h('p', { class: 'field-error', id: `${field}-error`, hidden: true });
  }

  private whoFieldset(): HTMLFieldSetElement {
    const { texts: x, config, state } = this.o;
    const error = this.errorLine('who');
    const box = h(
      'fieldset',
      { id: 'who', 'aria-describedby': 'who-hint' },
      h('legend', {}, x.t('form.who.legend')),
      h('p', { class: 'hint', id: 'who-hint' }, x.t('form.who.hint', { age: config.competenceAge })),
      error,
      h(
        'div',
        { class: 'options' },
        config.respondents.map((r, i) =>
          this.radio(
            'who',
            `who-${i}`,
            String(i),
            x.t(`form.who.${r.role}` as FormMessageKey, { name: r.name }),
            state.respondent === i,
            () => {
              state.respondent = i;
              this.clearError('who');
              this.applyRespondent();
            },
          ),
        ),
      ),
    );
    this.groups.set('who', { box, error });
    return box;
  }

  private competenceFieldset(): HTMLFieldSetElement {
    const { texts: x, config, state } = this.o;
    const params = { pupil: this.pupil(), age: config.competenceAge };
    const error = this.errorLine('competence');
    const box = h(
      'fieldset',
      { id: 'competence', hidden: true },
      h('legend', {}, x.t('form.competence.legend', params)),
      error,
      h(
        'div',
        { class: 'options' },
        COMPETENCE_ANSWERS.map((answer) =>
          this.radio(
            'competence',
            `competence-${answer}`,
            answer,
            x.t(`form.competence.${answer}`, params),
            state.competence === answer,
            () => {
              state.competence = answer;
              this.clearError('competence');
            },
          ),
        ),
      ),
    );
    this.groups.set('competence', { box, error });
    return box;
  }

  /** Wording, the competence question and the under-age note all follow who is answering. */
  private applyRespondent(): void {
    const audience = this.audience;
    for (const update of this.onAudience) update(audience);
    const role = this.respondent()?.role;
    const age = this.pupilAge();
    const { competenceAge } = this.o.config;
    this.competenceGroup.hidden = role === undefined || !asksCompetence(role, age, competenceAge);
    const underAge = role === 'PUP' && age !== undefined && age < competenceAge;
    this.underAgeNote.hidden = !underAge;
    this.underAgeNote.textContent = underAge
      ? this.o.texts.t('form.underAge.child', { age: competenceAge })
      : '';
  }

  /** True when the competence question is showing, so the person must answer it. */
  get asksCompetence(): boolean {
    return !this.competenceGroup.hidden;
  }

  private purposes(): Child[] {
    const { catalogue } = this.o;
    return [
      h('h3', {}, this.audienceText('form.purposes.heading')),
      catalogue.purposes.map((p) => (p.kind === 'none' ? this.listedOnly(p) : this.purposeFieldset(p))),
    ];
  }

  private purposeWords(p: Purpose): Text {
    const node = document.createTextNode('');
    this.onAudience.push((audience) => {
      node.data = this.o.texts.purposeText(this.o.catalogue, p, audience);
    });
    return node;
  }

  /** Core education: shown so people see it happens, with nothing to choose. */
  private listedOnly(p: Purpose): HTMLElement {
    const { texts: x, catalogue } = this.o;
    return h(
      'section',
      { class: 'always', 'aria-labelledby': `purpose-${p.code}-title` },
      h('h4', { id: `purpose-${p.code}-title` }, x.purpose(catalogue, p, 'title')),
      h('p', {}, this.purposeWords(p)),
      h('p', { class: 'kind' }, this.audienceText('form.always')),
    );
  }

  private purposeFieldset(p: Purpose): HTMLFieldSetElement {
    const { texts: x, catalogue, state } = this.o;
    const code = p.code;
    const id = (suffix: string) => `purpose-${code}-${suffix}`;
    const kindKey = choiceKindKey(p.kind);
    const error = this.errorLine(`purpose-${code}`);
    const adultWording = h(
      'details',
      { hidden: true },
      h('summary', {}, x.t('form.adultWording')),
      h('p', {}, x.purpose(catalogue, p, 'adultText')),
    );
    this.onAudience.push((audience) => {
      adultWording.hidden = audience !== 'child';
    });
    const grounds = takesGrounds(p.kind, 'OBJT') ? this.groundsBox(code) : null;
    const options = ANSWERS_BY_KIND[p.kind].map((value) => {
      const key = value === 'REFU' ? 'form.choice.REFU' : `form.choice.${kindKey}.${value}`;
      return this.radio(
        `purpose-${code}`,
        id(value),
        value,
        this.audienceText(key),
        state.answers.get(code) === value,
        () => {
          state.answers.set(code, value as ChoiceValue);
          this.clearError('answers');
          if (grounds) grounds.hidden = !takesGrounds(p.kind, value as ChoiceValue);
        },
      );
    });
    const box = h(
      'fieldset',
      { class: 'purpose', id: id('group'), 'aria-describedby': `${id('text')} ${id('kind')}` },
      h('legend', {}, h('h4', {}, x.purpose(catalogue, p, 'title'))),
      h('p', { id: id('text') }, this.purposeWords(p)),
      adultWording,
      h('p', { class: 'kind', id: id('kind') }, this.audienceText(`form.kind.${p.kind}`)),
      error,
      h('div', { class: 'options' }, options),
      grounds,
    );
    this.groups.set(`purpose-${code}`, { box, error });
    return box;
  }

  private groundsBox(code: string): HTMLDivElement {
    const { texts: x, state } = this.o;
    const id = `purpose-${code}-grounds`;
    const box = h(
      'div',
      { class: 'grounds', hidden: state.answers.get(code) !== 'OBJT' },
      h('label', { for: id }, this.audienceText('form.grounds.label')),
      h('p', { class: 'hint', id: `${id}-hint` }, x.t('form.grounds.hint', { max: MAX_GROUNDS })),
      h('textarea', {
        id,
        name: id,
        maxlength: MAX_GROUNDS,
        rows: 3,
        'aria-describedby': `${id}-hint`,
        oninput: (event) => {
          state.grounds.set(code, (event.target as HTMLTextAreaElement).value);
        },
      }),
    );
    (box.querySelector('textarea') as HTMLTextAreaElement).value = state.grounds.get(code) ?? '';
    this.groundsBoxes.set(code, box);
    return box;
  }

  private signedOnField(): HTMLDivElement {
    const { texts: x, state, today } = this.o;
    const error = this.errorLine('signed-on');
    const box = h(
      'div',
      { class: 'signed-on screen-only' },
      h('label', { for: 'signed-on' }, x.t('form.signedOn.label')),
      h('p', { class: 'hint', id: 'signed-on-hint' }, x.t('form.signedOn.hint')),
      error,
      h('input', {
        type: 'date',
        id: 'signed-on',
        max: today,
        value: state.signedOn,
        required: true,
        'aria-describedby': 'signed-on-hint',
        onchange: (event) => {
          state.signedOn = (event.target as HTMLInputElement).value;
          this.clearError('signed-on');
        },
      }),
    );
    this.groups.set('signed-on', { box, error });
    return box;
  }

  private printFooter(): HTMLElement {
    const { texts: x } = this.o;
    return h(
      'div',
      { class: 'print-only' },
      h(
        'div',
        { class: 'lines' },
        h('p', { class: 'line' }, x.t('print.signature')),
        h('p', { class: 'line' }, x.t('print.date')),
      ),
      h(
        'p',
        { class: 'office' },
        x.t('print.office'),
        ' ______________ ',
        x.t('print.officeOn'),
        ' __________',
      ),
    );
  }

  /** The first control of each group, for the error summary's links. */
  firstControl(field: string): string {
    if (field === 'who') return 'who-0';
    if (field === 'competence') return 'competence-AUTH';
    if (field === 'signed-on') return 'signed-on';
    const first = this.o.catalogue.purposes.find((p) => p.kind !== 'none')!;
    return `purpose-${first.code}-${ANSWERS_BY_KIND[first.kind][0]}`;
  }

  /** Shows errors in the summary (focused, so a screen reader reads it) and beside each group. */
  showErrors(errors: readonly FieldError[]): void {
    const { texts: x } = this.o;
    for (const field of this.groups.keys()) this.clearError(field);
    this.errorSummary.replaceChildren(
      h('h3', { id: 'error-summary-title' }, x.t('form.errors.title')),
      h(
        'ul',
        {},
        errors.map((e) =>
          h(
            'li',
            {},
            e.field === 'form'
              ? e.message
              : h(
                  'a',
                  {
                    href: `#${e.target}`,
                    onclick: (event) => {
                      event.preventDefault();
                      (this.root.querySelector(`#${e.target}`) as HTMLElement | null)?.focus();
                    },
                  },
                  e.message,
                ),
          ),
        ),
      ),
    );
    this.errorSummary.hidden = false;
    for (const e of errors) {
      const group = this.groups.get(e.field);
      if (!group) continue;
      group.error.replaceChildren(
        h('span', { class: 'visually-hidden' }, x.t('form.errors.prefix')),
        e.message,
      );
      group.error.hidden = false;
      group.box.classList.add('has-error');
      const described = group.box.getAttribute('aria-describedby') ?? '';
      if (!described.includes(group.error.id)) {
        group.box.setAttribute('aria-describedby', `${group.error.id} ${described}`.trim());
      }
    }
    this.errorSummary.focus();
  }

  clearError(field: string): void {
    if (field === 'answers') {
      for (const key of this.groups.keys()) if (key.startsWith('purpose-')) this.clearError(key);
      return;
    }
    const group = this.groups.get(field);
    if (!group || group.error.hidden) return;
    group.error.hidden = true;
    group.error.replaceChildren();
    group.box.classList.remove('has-error');
    const described = (group.box.getAttribute('aria-describedby') ?? '').replace(group.error.id, '').trim();
    if (described) group.box.setAttribute('aria-describedby', described);
    else group.box.removeAttribute('aria-describedby');
  }

  hideErrorSummary(): void {
    this.errorSummary.hidden = true;
    this.errorSummary.replaceChildren();
  }

  setBusy(busy: boolean): void {
    this.submitButton.disabled = busy;
    this.status.textContent = busy ? this.o.texts.t('form.sending') : '';
  }

  /** What was recorded, read back from the statement itself, with the reference a family can quote. */
  static done(
    texts: Texts<FormMessageKey>,
    catalogue: PurposeCatalogue,
    statement: Statement,
    audience: Audience,
    sent: boolean,
    onAgain: () => void,
  ): HTMLElement {
    const chosen = new Map(statement.choices.map((c) => [c.purpose, c.value]));
    return h(
      'section',
      { class: 'panel', 'aria-labelledby': 'done-title' },
      h('h2', { id: 'done-title', tabindex: -1 }, texts.t(sent ? 'form.done.sent' : 'form.done.ready')),
      h('p', {}, texts.t('form.done.reference', { id: statement.id })),
      h('h3', {}, texts.t('form.done.summary')),
      h(
        'dl',
        { class: 'answers' },
        catalogue.purposes
          .filter((p) => p.kind !== 'none')
          .map((p) => {
            const value = chosen.get(p.code);
            const key =
              value === undefined
                ? 'form.done.notAnswered'
                : value === 'REFU'
                  ? `form.choice.REFU.${audience}`
                  : `form.choice.${choiceKindKey(p.kind)}.${value}.${audience}`;
            return [
              h('dt', {}, texts.purpose(catalogue, p, 'title')),
              h('dd', {}, texts.t(key as FormMessageKey)),
            ];
          }),
      ),
      h('button', { type: 'button', class: 'secondary', onclick: onAgain }, texts.t('form.done.another')),
    );
  }
}
