import type { TokenProvider } from '@reuse-pref/client';
import { type Audience, datum, h, Texts, upgradeProperties } from '@reuse-pref/form/kit';
import type { LedgerEntry } from '@reuse-pref/schema';
import {
  Catalogues,
  DeliveryModes,
  Exemptions,
  LawfulBases,
  RecipientClasses,
  ReleaseOutcomes,
} from '@reuse-pref/schema/catalogue';
import type { LedgerItem } from '../ledger/load-ledger.js';
import { englishLedgerMessages, type LedgerMessageKey, type LedgerMessages } from '../ledger-messages.js';
import { importLogKey, LogKeyError, logKeyFingerprint } from '../verify/log-key.js';
import { type ReceiptCheck, verifyReceipt } from '../verify/receipt.js';
import { ledgerStyles } from './styles.js';

export const LEDGER_TAG = 'reuse-preference-ledger';

export interface ReceiptCheckedDetail {
  readonly releaseId: string;
  readonly check: ReceiptCheck;
}

// Importable on a server (for types and the verifier) where there is no DOM.
const Base = (globalThis.HTMLElement ?? class {}) as typeof HTMLElement;

/**
 * `<reuse-preference-ledger>`: the subject view. Given a pupil's ledger (fetched from the distributor
 * with the family's token, or handed over by the page), it lists every release that included or excluded
 * them (to whom, for which purposes, under which exemption, kept until when) and marks each receipt
 * verified or not, checked here with WebCrypto against the log key the page was given.
 */
export class ReusePreferenceLedger extends Base {
  static readonly observedAttributes = ['endpoint', 'pupil', 'log-key', 'audience', 'pupil-name'];

  private _accessToken: string | undefined;
  private _tokenProvider: TokenProvider | undefined;
  private _messages: LedgerMessages = englishLedgerMessages;
  private _items: readonly LedgerItem[] | undefined;
  private generation = 0;
  private connected = false;
  private refreshQueued = false;

  /** The family's bearer token for the distributor (scope `subject:read pupil:{id}`). */
  get accessToken(): string | undefined {
    return this._accessToken;
  }
  set accessToken(value: string | undefined) {
    this._accessToken = value;
    this.refresh();
  }
  get tokenProvider(): TokenProvider | undefined {
    return this._tokenProvider;
  }
  set tokenProvider(value: TokenProvider | undefined) {
    this._tokenProvider = value;
    this.refresh();
  }

  get messages(): LedgerMessages {
    return this._messages;
  }
  set messages(value: LedgerMessages) {
    this._messages = value;
    this.refresh();
  }

  /** Ledger entries and receipts the page already has; set this instead of `endpoint`. */
  get items(): readonly LedgerItem[] | undefined {
    return this._items;
  }
  set items(value: readonly LedgerItem[] | undefined) {
    this._items = value;
    this.refresh();
  }

  private get audience(): Audience {
    return this.getAttribute('audience') === 'child' ? 'child' : 'adult';
  }

  attributeChangedCallback(): void {
    this.refresh();
  }

  connectedCallback(): void {
    // A page may set properties before this script defines the element; take them over now.
    upgradeProperties(this, ['accessToken', 'tokenProvider', 'messages', 'items']);
    if (!this.shadowRoot) this.attachShadow({ mode: 'open' });
    this.connected = true;
    this.refresh();
  }

  disconnectedCallback(): void {
    this.connected = false;
    this.generation++;
  }

  private texts(): Texts<LedgerMessageKey> {
    return new Texts(this._messages, englishLedgerMessages);
  }

  /**
   * Renders again from scratch, once for any number of changes made together (a page setting the token
   * and the pupil); a load still running for an earlier render is ignored when it ends.
   */
  refresh(): void {
    if (this.refreshQueued || !this.connected) return;
    this.refreshQueued = true;
    queueMicrotask(() => {
      this.refreshQueued = false;
      if (!this.connected || !this.shadowRoot) return;
      void this.show(++this.generation);
    });
  }

  private async show(generation: number): Promise<void> {
    const root = this.shadowRoot!;
    const x = this.texts();
    const current = () => generation === this.generation;
    const pupil = this.getAttribute('pupil-name') ?? x.t('ledger.thePupil');
    const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const body = h('div', {});
    const keyLine = h('p', { class: 'hint key' });
    root.replaceChildren(
      h('style', {}, ledgerStyles),
      h(
        'section',
        { class: 'ledger', 'aria-labelledby': 'ledger-title' },
        h('h2', { id: 'ledger-title' }, x.for(this.audience, 'ledger.title', { pupil })),
        h('p', {}, x.for(this.audience, 'ledger.intro')),
        keyLine,
        status,
        body,
      ),
    );
    const fail = (message: string) => {
      status.textContent = '';
      body.replaceChildren(h('div', { class: 'error', role: 'alert' }, message));
    };

    const keyText = this.getAttribute('log-key');
    const endpoint = this.getAttribute('endpoint');
    const pupilId = this.getAttribute('pupil');
    const problems: string[] = [];
    if (!keyText) problems.push('log-key is not set');
    if (!this._items && !(endpoint && pupilId)) problems.push('set endpoint and pupil, or items');
    if (problems.length > 0) return fail(x.t('ledger.error.config', { detail: problems.join('; ') }));

    let key: CryptoKey;
    try {
      key = await importLogKey(keyText!);
      const fingerprint = await logKeyFingerprint(keyText!);
      if (!current()) return;
      keyLine.textContent = x.t('ledger.key', { fingerprint });
    } catch (error) {
      const detail = error instanceof LogKeyError ? error.message : String(error);
      return fail(x.t('ledger.error.key', { detail }));
    }

    let items = this._items;
    if (!items) {
      status.textContent = x.t('ledger.loading');
      try {
        items = await this.fetchItems(endpoint!, pupilId!);
      } catch (error) {
        if (!current()) return;
        const status401 = (error as { status?: number }).status;
        if (status401 === 401 || status401 === 403) return fail(x.t('ledger.error.signIn'));
        return fail(x.t('ledger.error.load', { detail: (error as Error).message }));
      }
      if (!current()) return;
      status.textContent = '';
    }
    body.replaceChildren(...this.renderItems(x, items));
    await Promise.all(items.map((item) => this.check(x, key, item, body, current)));
  }

  private async fetchItems(endpoint: string, pupil: string): Promise<LedgerItem[]> {
    const [{ ReusePrefClient, staticToken }, { loadLedger }] = await Promise.all([
      import('@reuse-pref/client'),
      import('../ledger/load-ledger.js'),
    ]);
    const auth = this._tokenProvider ?? (this._accessToken ? staticToken(this._accessToken) : undefined);
    const client = new ReusePrefClient({ baseUrl: endpoint, ...(auth ? { auth } : {}) });
    return loadLedger(client, pupil);
  }

  private renderItems(x: Texts<LedgerMessageKey>, items: readonly LedgerItem[]): Node[] {
    if (items.length === 0) return [h('p', {}, x.t('ledger.empty'))];
    const count = (code: string) => items.filter((i) => i.entry.outcome === code).length;
    return [
      h('h3', {}, x.t('ledger.summary')),
      h(
        'dl',
        { class: 'counts' },
        ReleaseOutcomes.entries.map((o) => [
          h('dt', {}, x.code(ReleaseOutcomes, o.code)),
          h('dd', {}, datum(String(count(o.code)))),
        ]),
      ),
      h(
        'ol',
        { class: 'releases' },
        items.map((item, i) => h('li', {}, this.renderEntry(x, item.entry, i))),
      ),
    ];
  }

  private renderEntry(x: Texts<LedgerMessageKey>, e: LedgerEntry, i: number): HTMLElement {
    // Dates are data, written the reader's way.
    const date = (iso: string) => datum(x.date(iso));
    const row = (key: LedgerMessageKey, ...value: (Node | string)[]) => [
      h('dt', {}, x.t(key)),
      h('dd', {}, ...value),
    ];
    const exemption = e.exemption
      ? [x.code(Exemptions, e.exemption.code), ' (', datum(e.exemption.citation), ')']
      : [x.t('ledger.exemption.none')];
    return h(
      'article',
      { 'aria-labelledby': `release-${i}`, 'data-release-id': e.releaseId },
      h('h4', { id: `release-${i}` }, datum(e.recipient.name)),
      h(
        'dl',
        { class: 'release' },
        row(
          'ledger.field.outcome',
          h('span', { class: `outcome-${e.outcome}` }, x.code(ReleaseOutcomes, e.outcome)),
        ),
        row(
          'ledger.field.purposes',
          h(
            'ul',
            {},
            e.purposes.map((p) => h('li', {}, this.purposeLine(x, p))),
          ),
        ),
        row('ledger.field.exemption', ...exemption),
        row('ledger.field.retention', date(e.retainUntil)),
        row('ledger.field.recipientClass', x.code(RecipientClasses, e.recipient.class)),
        row('ledger.field.delivery', x.code(DeliveryModes, e.deliveryMode)),
        row('ledger.field.basis', x.code(LawfulBases, e.lawfulBasis)),
        row('ledger.field.decided', date(e.decidedAt)),
        row('ledger.field.reference', datum(e.dsReference)),
        row(
          'ledger.field.receipt',
          h('p', { class: 'receipt', 'data-receipt': 'checking' }, x.t('ledger.receipt.checking')),
          h('p', { class: 'hint receipt-detail' }),
        ),
      ),
    );
  }

  private purposeLine(x: Texts<LedgerMessageKey>, p: LedgerEntry['purposes'][number]): string {
    const known = Catalogues.flatMap((c) => c.purposes.map((q) => ({ c, q }))).findLast(
      ({ q }) => q.code === p.purpose,
    );
    const purpose = known ? x.purpose(known.c, known.q, 'title') : p.purpose;
    const line = p.overriddenBy
      ? x.t('ledger.purpose.overridden', { purpose, exemption: x.code(Exemptions, p.overriddenBy) })
      : x.t(p.shared ? 'ledger.purpose.shared' : 'ledger.purpose.notShared', { purpose });
    return p.default ? `${line} ${x.t('ledger.purpose.default')}` : line;
  }

  private async check(
    x: Texts<LedgerMessageKey>,
    key: CryptoKey,
    item: LedgerItem,
    body: HTMLElement,
    current: () => boolean,
  ): Promise<void> {
    const article = body.querySelector(`article[data-release-id="${item.entry.releaseId}"]`);
    const mark = article?.querySelector('.receipt') as HTMLElement | null;
    const detail = article?.querySelector('.receipt-detail') as HTMLElement | null;
    if (!mark || !detail) return;
    const check: ReceiptCheck = item.receipt
      ? await verifyReceipt(item.receipt, key, { shown: item.entry })
      : { ok: false, problems: [] };
    if (!current()) return;
    mark.dataset.receipt = check.ok ? 'verified' : 'failed';
    mark.textContent = x.t(check.ok ? 'ledger.receipt.verified' : 'ledger.receipt.failed');
    if (check.ok) {
      const signedAt = x.date(new Date(item.receipt!.treeHead.timestamp).toISOString(), true);
      detail.textContent = x.t('ledger.receipt.verifiedDetail', { signedAt });
    } else {
      const reasons = item.receipt
        ? check.problems.map((p) => x.t(`ledger.problem.${p}` as LedgerMessageKey))
        : [x.t('ledger.receipt.missing')];
      detail.textContent = reasons.join('; ');
    }
    this.dispatchEvent(
      new CustomEvent<ReceiptCheckedDetail>('reuse-preference-receipt-checked', {
        detail: { releaseId: item.entry.releaseId, check },
        bubbles: true,
        composed: true,
      }),
    );
  }
}
