import { describe, expect, it } from 'vitest';
import { KeyedMutex } from '../../src/roles/distributor/keyed-mutex.js';

describe('KeyedMutex', () => {
  it('runs work for one key one at a time, in arrival order, and other keys alongside', async () => {
    const mutex = new KeyedMutex();
    const events: string[] = [];
    const step = (key: string, name: string, ms: number) =>
      mutex.run(key, async () => {
        events.push(`${name}+`);
        await new Promise((r) => setTimeout(r, ms));
        events.push(`${name}-`);
        return name;
      });
    const results = await Promise.all([step('a', 'a1', 20), step('a', 'a2', 1), step('b', 'b1', 5)]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(events.indexOf('a1-')).toBeLessThan(events.indexOf('a2+'));
    expect(events.indexOf('b1+')).toBeLessThan(events.indexOf('a1-'));
  });

  it('releases the key when the work throws', async () => {
    const mutex = new KeyedMutex();
    await expect(mutex.run('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(mutex.run('k', async () => 'next')).resolves.toBe('next');
  });
});
