import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShortLivedCache } from './short-lived.js';

afterEach(() => vi.useRealTimers());

describe('ShortLivedCache', () => {
  it('computes once for callers within the time, shares a computation under way, and computes again after', async () => {
    vi.useFakeTimers();
    const cache = new ShortLivedCache<number>(60_000);
    let runs = 0;
    const compute = () => new Promise<number>((resolve) => setTimeout(() => resolve(++runs), 10));
    const [a, b] = [cache.get('k', compute), cache.get('k', compute)];
    await vi.advanceTimersByTimeAsync(10);
    expect([await a, await b]).toEqual([1, 1]);
    expect(await cache.get('k', compute)).toBe(1);
    const other = cache.get('other', compute);
    await vi.advanceTimersByTimeAsync(10);
    expect(await other).toBe(2);
    await vi.advanceTimersByTimeAsync(60_000);
    const later = cache.get('k', compute);
    await vi.advanceTimersByTimeAsync(10);
    expect(await later).toBe(3);
  });

  it('keeps no failure, computes every time when turned off, and forgets the oldest beyond its size', async () => {
    const failing = new ShortLivedCache<number>(60_000);
    await expect(failing.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await failing.get('k', async () => 7)).toBe(7);

    let runs = 0;
    const off = new ShortLivedCache<number>(0);
    await off.get('k', async () => ++runs);
    await off.get('k', async () => ++runs);
    expect(runs).toBe(2);

    const small = new ShortLivedCache<string>(60_000, 2);
    await small.get('a', async () => 'a1');
    await small.get('b', async () => 'b1');
    await small.get('c', async () => 'c1');
    expect(await small.get('a', async () => 'a2')).toBe('a2');
    expect(await small.get('c', async () => 'c2')).toBe('c1');
  });
});
