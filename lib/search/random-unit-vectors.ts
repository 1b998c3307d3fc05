// Seeded random embeddings for tests and scripts/bench/search.ts: reproducible without fixture files.

/** mulberry32: tiny, fast, good enough for test data (not for anything secret). */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` unit vectors of `dimension`, row-major in one Float32Array. Gaussian components (Box-Muller)
 * make the directions uniform on the sphere, like embeddings of unrelated faces.
 */
export function createRandomUnitVectors(options: { count: number; dimension: number; seed: number }): Float32Array {
  const { count, dimension, seed } = options;
  const random = createSeededRandom(seed);
  const out = new Float32Array(count * dimension);
  for (let row = 0; row < count; row++) {
    const base = row * dimension;
    let squares = 0;
    for (let i = 0; i < dimension; i++) {
      const gaussian = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      out[base + i] = gaussian;
      squares += gaussian * gaussian;
    }
    const norm = Math.sqrt(squares);
    for (let i = 0; i < dimension; i++) out[base + i] /= norm;
  }
  return out;
}
