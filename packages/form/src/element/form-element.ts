import type { ReusePrefClient, TokenProvider } from '@reuse-pref/client';
import type {
  RecordedBy,
  Setting,
  Statement,
  StatementReceipt,
  Subject,
  ValidationResult,
} from '@reuse-pref/schema';
import { Catalogues, LatestCatalogue, type PurposeCatalogue } from '@reuse-pref/schema/catalogue';
import { h } from '../dom/h.js';
import { upgradeProperties } from '../dom/upgrade-properties.js';
import { englishFormMessages, type FormMessageKey, type FormMessages } from '../i18n/messages.js';
import { Texts } from '../i18n/texts.js';
import { buildStatement } from '../statement/build-statement.js';
import type { Channel } from '../statement/codes.js';
import type { Respondent } from '../statement/respondent.js';
import {
  ConfigError,
  configProblems,
  DEFAULT_RECORDED_BY,
  type FormConfig,
  type NoticeRef,
  parseJsonAttribute,
} from './config.js';
import { emptyState, type FieldError, type FormState } from './form-state.js';
import { FormView } from './form-view.js';
import { localDate, localMidnight } from './local-time.js';
import { newStatementId } from './statement-id.js';
import { formStyles } from './styles.js';

export const FORM_TAG = 'reuse-preference-form';

const UPGRADED = [
  'accessToken',
  'tokenProvider',
  'catalogue',
  'messages',
  'subject',
  'setting',
  'respondents',
  'notice',
  'recordedBy',
  'channel',
  'endpoint',
] as const;

/** Detail of `reuse-preference-statement`: cancel the event to send the statement yourself. */
export interface StatementEventDetail {
  readonly statement: Statement;
  /** Queries the validator raised: accepted, but the school may be asked to explain them. */
  readonly queries: ValidationResult['queries'];
}

export interface SubmittedEventDetail {
  readonly statement: Statement;
  readonly receipt: StatementReceipt;
}

// Importable on a server (for types, buildStatement, server-side tests) where there is no DOM.
const Base = (globalThis.HTMLElement ?? class {}) as typeof HTMLElement;

/**
 * `<reuse-preference-form>`: the admission-form checkbox set. The host page says who the form is about
 * (subject, setting), who may answer (respondents) and which notice they read; the person answers; the
 * form builds a Statement, validates it here in the browser with @reuse-pref/validator, and either sends
 * it to a producer (`endpoint`, through @reuse-pref/client) or hands it to the page in a cancelable
 * `reuse-preference-statement` event.
 */
export class ReusePreferenceForm extends Base {
  static readonly observedAttributes = [
    'subject',
    'setting',
    'respondents',
    'notice',
    'recorded-by',
    'channel',
    'competence-age',
    'pupil-name',
    'endpoint',
  ];

  private props: Partial<FormConfig> = {};
  private attrs: Partial<FormConfig> = {};
  private attributeProblem: string | undefined;
  private _catalogue: PurposeCatalogue = LatestCatalogue;
  private _messages: FormMessages = englishFormMessages;
  private state: FormState = emptyState();
  private view: FormView | undefined;
  private renderQueued = false;
  private busy = false;
  private _accessToken: string | undefined;
  private _tokenProvider: TokenProvider | undefined;
  /** The last statement the form built, once the person has submitted. */
  statement: Statement | undefined;
  /** The form's clock, for a host that keeps its own (an office system, a test). */
  now: () => Date = () => new Date();

  /** Bearer token for `endpoint`, when the page has one rather than a token provider. */
  get accessToken(): string | undefined {
    return this._accessToken;
  }
  set accessToken(value: string | undefined) {
    this._accessToken = value;
  }
  get tokenProvider(): TokenProvider | undefined {
    return this._tokenProvider;
  }
  set tokenProvider(value: TokenProvider | undefined) {
    this._tokenProvider = value;
  }

  get catalogue(): PurposeCatalogue {
    return this._catalogue;
  }
  set catalogue(value: PurposeCatalogue) {
    this._catalogue = value;
    this.state = emptyState();
    this.queueRender();
  }

  get messages(): FormMessages {
    return this._messages;
  }
  set messages(value: FormMessages) {
    this._messages = value;
    this.queueRender();
  }

  get subject(): Subject | undefined {
    return this.config().subject;
  }
  set subject(value: Subject | undefined) {
    this.setProp('subject', value);
  }
  get setting(): Setting | undefined {
    return this.config().setting;
  }
  set setting(value: Setting | undefined) {
    this.setProp('setting', value);
  }
  get respondents(): readonly Respondent[] {
    return this.config().respondents;
  }
  set respondents(value: readonly Respondent[]) {
    this.state = emptyState();
    this.setProp('respondents', value);
  }
  get notice(): NoticeRef | undefined {
    return this.config().notice;
  }
  set notice(value: NoticeRef | undefined) {
    this.setProp('notice', value);
  }
  get recordedBy(): RecordedBy {
    return this.config().recordedBy;
  }
  set recordedBy(value: RecordedBy) {
    this.setProp('recordedBy', value);
  }
  get channel(): Channel {
    return this.config().channel;
  }
  set channel(value: Channel) {
    this.setProp('channel', value);
  }
  get endpoint(): string | undefined {
    return this.config().endpoint;
  }
  set endpoint(value: string | undefined) {
    this.setProp('endpoint', value);
  }

  private setProp<K extends keyof FormConfig>(key: K, value: FormConfig[K] | undefined): void {
    if (value === undefined) delete this.props[key];
    else this.props[key] = value;
    this.queueRender();
  }

  /** Properties win over attributes: a page with data in hand need not serialise it. */
  private config(): FormConfig {
    const merged = { ...this.attrs, ...this.props };
    return {
      ...merged,
      respondents: merged.respondents ?? [],
      recordedBy: merged.recordedBy ?? DEFAULT_RECORDED_BY,
      channel: merged.channel ?? 'ONLN',
      competenceAge: merged.competenceAge ?? 12,
    };
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    try {
      this.readAttribute(name, value);
      this.attributeProblem = undefined;
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      this.attributeProblem = error.message;
    }
    this.queueRender();
  }

  private readAttribute(name: string, value: string | null): void {
    const a = this.attrs as Record<string, unknown>;
    const set = (key: keyof FormConfig, v: unknown) => {
      if (v === undefined) delete a[key];
      else a[key] = v;
    };
    switch (name) {
      case 'subject':
      case 'setting':
      case 'respondents':
      case 'notice':
        set(name, parseJsonAttribute(name, value));
        break;
      case 'recorded-by':
        set('recordedBy', parseJsonAttribute(name, value));
        break;
      case 'channel':
        set('channel', value ?? undefined);
        break;
      case 'competence-age':
        set('competenceAge', value === null ? undefined : Number(value));
        break;
      case 'pupil-name':
        set('pupilName', value ?? undefined);
        break;
      case 'endpoint':
        set('endpoint', value ?? undefined);
        break;
    }
  }

  connectedCallback(): void {
    // A page may set properties before this script defines the element; take them over now.
    upgradeProperties(this, UPGRADED);
    if (!this.shadowRoot) this.attachShadow({ mode: 'open' });
    this.render();
  }

  private queueRender(): void {
    if (this.renderQueued || !this.isConnected) return;
    this.renderQueued = true;
    queueMicrotask(() => {
      this.renderQueued = false;
      this.render();
    });
  }

  private texts(): Texts<FormMessageKey> {
    return new Texts(this._messages, englishFormMessages);
  }

  private render(): void {
    const root = this.shadowRoot;
    if (!root) return;
    const config = this.config();
    const texts = this.texts();
    const problems = [...(this.attributeProblem ? [this.attributeProblem] : []), ...configProblems(config)];
    const style = h('style', {}, formStyles);
    if (problems.length > 0) {
      this.view = undefined;
      root.replaceChildren(
        style,
        h(
          'div',
          { class: 'error-summary', role: 'alert' },
          texts.t('form.error.config', { detail: problems.join('; ') }),
        ),
      );
      return;
    }
    if (config.respondents.length === 1) this.state.respondent ??= 0;
    this.view = new FormView({
      config,
      catalogue: this._catalogue,
      texts,
      state: this.state,
      today: localDate(this.now()),
      onSubmit: () => {
        void this.submit();
      },
    });
    root.replaceChildren(style, this.view.root);
    performance.mark?.('reuse-preference-form:ready');
    this.dispatchEvent(new CustomEvent('reuse-preference-ready', { bubbles: true, composed: true }));
  }

  /** The person's own mistakes: the things they can fix on the page. */
  private check(view: FormView, config: FormConfig, texts: Texts<FormMessageKey>): FieldError[] {
    const errors: FieldError[] = [];
    const pupil = config.pupilName ?? texts.t('form.thePupil');
    const add = (field: string, message: string) =>
      errors.push({ field, target: view.firstControl(field), message });
    if (this.state.respondent === undefined) add('who', texts.t('form.error.who'));
    else if (view.asksCompetence && this.state.competence === undefined)
      add('competence', texts.t('form.error.competence', { pupil }));
    const answered = this._catalogue.purposes.some(
      (p) => p.kind !== 'none' && this.state.answers.has(p.code),
    );
    if (!answered) {
      const first = this._catalogue.purposes.find((p) => p.kind !== 'none');
      if (first) add(`purpose-${first.code}`, texts.t('form.error.noAnswer'));
    }
    if (config.channel === 'PAPR') {
      const signed = this.state.signedOn;
      if (!/^\d{4}-\d\d-\d\d$/.test(signed) || signed > localDate(this.now()))
        add('signed-on', texts.t('form.error.signedOn'));
    }
    return errors;
  }

  /** Checks, builds, validates, then hands over or sends. Public so a host can submit from its own button. */
  async submit(): Promise<void> {
    const view = this.view;
    if (!view || this.busy) return;
    const config = this.config();
    const texts = this.texts();
    const errors = this.check(view, config, texts);
    if (errors.length > 0) return view.showErrors(errors);
    view.hideErrorSummary();

    const now = this.now();
    const recordedAt = now.toISOString();
    const statement = buildStatement(
      {
        subject: config.subject!,
        setting: config.setting!,
        notice: config.notice!,
        language: this._messages.locale,
        recordedBy: config.recordedBy,
        channel: config.channel,
        catalogue: this._catalogue,
        competenceAge: config.competenceAge,
      },
      {
        id: newStatementId(),
        respondent: config.respondents[this.state.respondent!]!,
        competence: view.asksCompetence ? this.state.competence : undefined,
        answers: this.state.answers,
        grounds: this.state.grounds,
        expressedAt: config.channel === 'PAPR' ? localMidnight(this.state.signedOn) : recordedAt,
        recordedAt,
      },
    );
    this.busy = true;
    view.setBusy(true);
    try {
      const result = await validate(statement, now, config.competenceAge, this._catalogue);
      if (!result.valid) {
        const detail = result.errors.map((e) => `${e.message} (${e.rule})`).join('; ');
        return view.showErrors([
          { field: 'form', target: '', message: texts.t('form.error.invalid', { detail }) },
        ]);
      }
      this.statement = statement;
      const detail: StatementEventDetail = { statement, queries: result.queries };
      const proceed = this.dispatchEvent(
        new CustomEvent('reuse-preference-statement', {
          detail,
          bubbles: true,
          composed: true,
          cancelable: true,
        }),
      );
      if (!proceed) return;
      let sent = false;
      if (config.endpoint) {
        const failure = await this.send(config.endpoint, config, statement, texts);
        if (failure) return view.showErrors([{ field: 'form', target: '', message: failure }]);
        sent = true;
      }
      this.showDone(statement, view.audience, sent, texts);
    } finally {
      this.busy = false;
      view.setBusy(false);
    }
  }

  /** Sends through @reuse-pref/client; returns what to tell the person when it fails. */
  private async send(
    endpoint: string,
    config: FormConfig,
    statement: Statement,
    texts: Texts<FormMessageKey>,
  ): Promise<string | undefined> {
    const { ReusePrefClient, ReusePrefProblemError, staticToken } = await import('@reuse-pref/client');
    const auth = this.tokenProvider ?? (this.accessToken ? staticToken(this.accessToken) : undefined);
    const client: ReusePrefClient = new ReusePrefClient({
      baseUrl: endpoint,
      ...(auth ? { auth } : {}),
      retry: { maxAttempts: 3 },
    });
    try {
      const response = await client.post('/schools/{urn}/statements', {
        path: { urn: config.setting!.urn },
        body: statement,
        // The statement id is already unique per submission: a retried send can never store it twice.
        idempotencyKey: statement.id,
      });
      const receipt = response.data as StatementReceipt;
      this.dispatchEvent(
        new CustomEvent<SubmittedEventDetail>('reuse-preference-submitted', {
          detail: { statement, receipt },
          bubbles: true,
          composed: true,
        }),
      );
      return undefined;
    } catch (error) {
      if (error instanceof ReusePrefProblemError && (error.status === 401 || error.status === 403))
        return texts.t('form.error.signIn');
      if (error instanceof ReusePrefProblemError && error.problem.errors?.length)
        return texts.t('form.error.invalid', {
          detail: error.problem.errors.map((e) => `${e.message} (${e.rule})`).join('; '),
        });
      return texts.t('form.error.send', { detail: error instanceof Error ? error.message : String(error) });
    }
  }

  private showDone(
    statement: Statement,
    audience: 'adult' | 'child',
    sent: boolean,
    texts: Texts<FormMessageKey>,
  ) {
    const root = this.shadowRoot!;
    const panel = FormView.done(texts, this._catalogue, statement, audience, sent, () => {
      this.render();
      (this.shadowRoot?.querySelector('#form-title') as HTMLElement | null)?.focus();
    });
    root.replaceChildren(h('style', {}, formStyles), panel);
    (panel.querySelector('#done-title') as HTMLElement).focus();
  }
}

/**
 * The validator is loaded when the person first submits, not with the page: it is most of the form's
 * code, and nobody needs it to read the form and start answering.
 */
async function validate(
  statement: Statement,
  now: Date,
  competenceAge: number,
  catalogue: PurposeCatalogue,
): Promise<ValidationResult> {
  const { createValidator } = await import('@reuse-pref/validator');
  const catalogues = Catalogues.some((c) => c.catalogueVersion === catalogue.catalogueVersion)
    ? Catalogues
    : [...Catalogues, catalogue];
  return createValidator({ now, competenceAge, catalogues }).validate(statement);
}
