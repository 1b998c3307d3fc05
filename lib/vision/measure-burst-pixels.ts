import type { DecodedImage } from "./types";

// Pixel statistics of a short burst of camera frames (same size, same scene, ~200 ms apart), on plain
// typed arrays. A camera sensor adds fresh noise to every frame and a hand-held phone or a breathing
// person never gives two identical frames; a photo sent several times leaves every pixel unchanged, and
// a photo moved or retouched by a script leaves its flat parts (wall, backdrop) exactly as they were.

export type BurstPixels = {
  /** mean absolute luma difference of each consecutive pair of frames, grey levels */
  pairDiffs: number[];
  /** the smallest mean absolute luma difference between any two frames of the burst */
  minPairDiff: number;
  /** fraction of unclipped pixels whose luma is exactly the same in every frame */
  frozenFraction: number;
  /** the same, counting only pixels inside flat blocks */
  flatFrozenFraction: number;
  /** fraction of the picture (in blocks) that counted as flat */
  flatFraction: number;
};

// 8x8 blocks, JPEG's own grid. A block is flat when its mean (over the whole burst) differs from each
// neighbour's by at most FLAT_STEP grey levels: judged on means, so sensor noise does not make a wall
// look textured. Pixel differences are sampled on every other row and column (4x less work, and a
// repeated frame is just as identical on a sample).
const BLOCK = 8;
const FLAT_STEP = 2;
const SAMPLE = 2;
// luma this close to black or white is clipped: a blown-out window is frozen on every camera
const CLIP_LOW = 3;
const CLIP_HIGH = 252;

function lumaPlane(image: DecodedImage): Uint8Array {
  const { data, width, height } = image;
  const out = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < out.length; i++, j += 3) out[i] = (data[j] * 77 + data[j + 1] * 150 + data[j + 2] * 29) >> 8;
  return out;
}

function meanAbsDiff(a: Uint8Array, b: Uint8Array, width: number, height: number): number {
  let sum = 0, n = 0;
  for (let y = 0; y < height; y += SAMPLE)
    for (let x = y * width, end = x + width; x < end; x += SAMPLE, n++) sum += Math.abs(a[x] - b[x]);
  return n ? sum / n : 0;
}

export function measureBurstPixels(frames: DecodedImage[]): BurstPixels {
  const { width, height } = frames[0];
  if (frames.length < 2 || frames.some((f) => f.width !== width || f.height !== height)) throw new Error("a burst needs at least two frames of one size");
  const planes = frames.map(lumaPlane);
  const count = planes.length;

  const pairDiffs: number[] = [];
  let minPairDiff = Infinity;
  for (let i = 0; i < count; i++)
    for (let j = i + 1; j < count; j++) {
      const d = meanAbsDiff(planes[i], planes[j], width, height);
      if (j === i + 1) pairDiffs.push(d);
      minPairDiff = Math.min(minPairDiff, d);
    }

  const n = width * height;
  const frozen = new Uint8Array(n);
  const sum = new Float32Array(n);
  let frozenCount = 0, unclipped = 0;
  for (let i = 0; i < n; i++) {
    const first = planes[0][i];
    let s = 0, same = 1, lo = 255, hi = 0;
    for (let f = 0; f < count; f++) {
      const v = planes[f][i];
      s += v;
      if (v !== first) same = 0;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    sum[i] = s;
    if (hi <= CLIP_LOW || lo >= CLIP_HIGH) continue;
    unclipped++;
    frozen[i] = same;
    frozenCount += same;
  }

  const bw = Math.floor(width / BLOCK), bh = Math.floor(height / BLOCK);
  const blockMean = new Float32Array(bw * bh);
  for (let by = 0; by < bh; by++)
    for (let bx = 0; bx < bw; bx++) {
      let m = 0;
      for (let y = by * BLOCK; y < (by + 1) * BLOCK; y++) for (let x = bx * BLOCK; x < (bx + 1) * BLOCK; x++) m += sum[y * width + x];
      blockMean[by * bw + bx] = m / (BLOCK * BLOCK * count);
    }

  let flatBlocks = 0, flatPixels = 0, flatFrozen = 0;
  for (let by = 1; by < bh - 1; by++)
    for (let bx = 1; bx < bw - 1; bx++) {
      const k = by * bw + bx;
      const m = blockMean[k];
      if (m <= CLIP_LOW || m >= CLIP_HIGH) continue;
      if ([k - 1, k + 1, k - bw, k + bw].some((o) => Math.abs(m - blockMean[o]) > FLAT_STEP)) continue;
      flatBlocks++;
      for (let y = by * BLOCK; y < (by + 1) * BLOCK; y++)
        for (let x = bx * BLOCK; x < (bx + 1) * BLOCK; x++) {
          flatPixels++;
          flatFrozen += frozen[y * width + x];
        }
    }
  return {
    pairDiffs,
    minPairDiff,
    frozenFraction: unclipped ? frozenCount / unclipped : 1,
    flatFrozenFraction: flatPixels ? flatFrozen / flatPixels : 0,
    flatFraction: flatBlocks / Math.max(1, (bw - 2) * (bh - 2)),
  };
}
