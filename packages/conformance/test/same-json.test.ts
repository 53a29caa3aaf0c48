import { describe, expect, it } from 'vitest';
import { difference, sameJson } from '../src/scenarios/match.js';

describe('whole-body comparison (equals, sameBodyAs): canonical JSON, RFC 8785', () => {
  const sent = { id: 'a', setting: { urn: '100000', laEstab: '8012000' }, choices: [{ purpose: 'STAT' }] };

  it('ignores member order only', () => {
    const reordered = {
      choices: [{ purpose: 'STAT' }],
      setting: { laEstab: '8012000', urn: '100000' },
      id: 'a',
    };
    expect(sameJson(reordered, sent)).toBe(true);
  });

  it('counts a member added, dropped or rewritten anywhere, which a subset match would not', () => {
    expect(sameJson({ ...sent, extra: 1 }, sent)).toBe(false);
    expect(sameJson({ id: 'a', choices: sent.choices }, sent)).toBe(false);
    expect(sameJson({ ...sent, setting: { ...sent.setting, laEstab: '8012001' } }, sent)).toBe(false);
    expect(sameJson({ ...sent, choices: [...sent.choices, { purpose: 'RSCH' }] }, sent)).toBe(false);
    expect(sameJson(undefined, sent)).toBe(false);
  });

  it('names the first place that differs', () => {
    const got = { ...sent, setting: { ...sent.setting, laEstab: '8012001' } };
    expect(difference(got, sent)).toBe('/setting/laEstab: got "8012001", want "8012000"');
    expect(difference({ ...sent, extra: 1 }, sent)).toBe('/extra: got 1, want (absent)');
  });
});
