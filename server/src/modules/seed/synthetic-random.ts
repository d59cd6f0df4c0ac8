/**
 * Seeded randomness for the synthetic population: sfc32 streams keyed by (seed, stream), so
 * household k is the same whatever chunk it falls in, and no Math.random anywhere.
 */

/** A 32-bit avalanche mix (lowbias32): nearby inputs give unrelated outputs. */
export function mix32(x: number): number {
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Hashes a seed (any finite number) and a stream index into 32 bits. */
export function hashSeed(seed: number, stream: number): number {
  const low = Math.floor(seed) >>> 0;
  const high = Math.floor(seed / 2 ** 32) >>> 0;
  return mix32(mix32(low ^ mix32(high + 0x9e3779b9)) ^ Math.imul((stream >>> 0) + 0x632be5ab, 0x85ebca6b));
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    const h = hashSeed(seed, stream);
    this.a = mix32(h ^ 0xa341316c);
    this.b = mix32(h ^ 0xc8013ea4);
    this.c = mix32(h ^ 0xad90777d);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** sfc32: a uniform unsigned 32-bit integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [lo, hi], both included. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

/** Picks items in proportion to their weights (cumulative table + binary search). */
export class Weighted<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(private readonly items: readonly T[], weights: readonly number[]) {
    if (items.length === 0 || items.length !== weights.length) throw new RangeError('Weighted needs one weight per item');
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    weights.forEach((w, i) => {
      if (!(w >= 0)) throw new RangeError(`weight ${i} must be >= 0`);
      sum += w;
      this.cumulative[i] = sum;
    });
    if (sum <= 0) throw new RangeError('weights must not all be zero');
    this.total = sum;
  }

  static of<T>(pairs: readonly (readonly [T, number])[]): Weighted<T> {
    return new Weighted(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
  }

  pick(rng: Rng): T {
    const x = rng.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

/** An age drawn from weighted bands [lo, hi, weight], uniform inside the band. */
export function ageBands(bands: readonly (readonly [number, number, number])[]): (rng: Rng) => number {
  const pick = new Weighted(bands, bands.map((b) => b[2]));
  return (rng) => {
    const [lo, hi] = pick.pick(rng);
    return rng.range(lo, hi);
  };
}
