/**
 * Results allowed to be a little old, computed once for everyone who asks within a short time:
 * a dashboard that many leaders open at once costs one computation, not one each — and those who
 * ask while it is under way wait for it rather than starting another. Failures are not kept.
 * In one process's memory: several servers each compute their own.
 */
export class ShortLivedCache<V> {
  private readonly entries = new Map<string, { until: number; value: Promise<V> }>();

  /** `ttlMs` 0 turns the cache off (every call computes). */
  constructor(private readonly ttlMs: number, private readonly maxEntries = 500) {}

  get(key: string, compute: () => Promise<V>): Promise<V> {
    if (this.ttlMs <= 0) return compute();
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    const value = compute();
    // Delete before set: a Map keeps insertion order, so the first key is always the oldest.
    this.entries.delete(key);
    this.entries.set(key, { until: now + this.ttlMs, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
