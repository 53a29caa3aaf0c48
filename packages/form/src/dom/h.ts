/** What h() accepts as children: nodes, text, nothing, or lists of those. */
export type Child = Node | string | null | undefined | false | readonly Child[];

/** Attributes; `on<event>` keys take listeners; false, null and undefined leave the attribute out. */
export type Attrs = Readonly<
  Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>
>;

/**
 * A DOM element in one expression. The form builds its tree once and updates it in place, so this is all
 * the templating it needs: no framework, no virtual DOM, nothing to download beyond the form itself.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (typeof child === 'string') parent.appendChild(document.createTextNode(child));
    else if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(child as Node);
  }
}

/** An element holding data (a name, a reference), not wording: the pseudo-locale test skips it. */
export function datum(text: string): HTMLSpanElement {
  return h('span', { 'data-datum': true }, text);
}
