/**
 * A page can set a property on an element before the element's script has defined it; the value then sits
 * on the plain element and would hide the class's setter for good. Taking it off and setting it again
 * once the element is defined sends it through the setter (the "lazy properties" pattern).
 */
export function upgradeProperties(element: HTMLElement, names: readonly string[]): void {
  const el = element as unknown as Record<string, unknown>;
  for (const name of names) {
    if (!Object.hasOwn(el, name)) continue;
    const value = el[name];
    delete el[name];
    el[name] = value;
  }
}
