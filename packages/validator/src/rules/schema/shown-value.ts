/** The value at an instance path of the record, quoted and cut short, for a finding's message. */
export function shownValue(record: unknown, pointer: string): string {
  let v: unknown = record;
  if (pointer !== '') {
    for (const raw of pointer.slice(1).split('/')) {
      if (v === null || typeof v !== 'object') return 'the value';
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      v = Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined;
    }
  }
  if (typeof v !== 'string') return 'the value';
  return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
}
