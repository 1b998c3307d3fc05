import { describe, expect, it } from "vitest";
import { burstLimits, verifyCaptureBurst, type BurstFrame, type BurstInput } from "@/lib/capture/verify-capture-burst";
import type { FivePoints } from "@/lib/vision";
import { measureBurstPixels } from "@/lib/vision/measure-burst-pixels";

// Synthetic scenes on typed arrays: a smooth backdrop (flat blocks) and a textured disc standing in for
// the face, drawn analytically so a shift by a fraction of a pixel is exact. Sensor noise comes from a
// seeded generator, so every run sees the same numbers.
const W = 320, H = 240;

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

function scene(input: { dx: number; dy: number; noise: number; seed: number; backdropShift?: number }) {
  const next = rng(input.seed);
  const data = new Uint8Array(W * H * 3);
  const bx = input.backdropShift ?? 0;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const fx = x - input.dx - 160, fy = y - input.dy - 110;
      const inFace = fx * fx + fy * fy < 60 * 60;
      const base = inFace ? 150 + 40 * Math.sin(fx / 3.1) * Math.cos(fy / 4.3) : 90 + (x + bx) * 0.08 + y * 0.05;
      // Gaussian-ish noise: sum of three uniforms
      const n = input.noise ? (next() + next() + next() - 1.5) * 2 * input.noise : 0;
      const v = Math.max(0, Math.min(255, Math.round(base + n)));
      data.set([v, v, v], (y * W + x) * 3);
    }
  return { data, width: W, height: H };
}

function landmarks(dx: number, dy: number): FivePoints {
  const p = (x: number, y: number): [number, number] => [x + dx, y + dy];
  return { leftEye: p(140, 95), rightEye: p(180, 95), nose: p(160, 115), mouthLeft: p(145, 135), mouthRight: p(175, 135) };
}

// a hand-held phone: a pixel or two of drift, fresh noise in every frame
const sway = [
  [0, 0],
  [0.8, 0.3],
  [1.7, 0.9],
  [2.1, 1.6],
  [1.4, 2.2],
];
const liveFrames = (): BurstFrame[] => sway.map(([dx, dy], i) => ({ image: scene({ dx, dy, noise: 3, seed: 11 + i }), landmarks: landmarks(dx, dy) }));
const liveTimes = [12.4, 214.9, 431.2, 633.0, 851.7];

function burst(over: Partial<BurstInput> = {}): BurstInput {
  return { frames: liveFrames(), times: liveTimes, expectedNonce: "n1", givenNonce: "n1", issuedAtMs: 1_000_000, receivedAtMs: 1_000_000 + 1_150, ...over };
}

describe("capture burst: pixels", () => {
  it("measures differences, frozen pixels and flat area", () => {
    const live = measureBurstPixels(liveFrames().map((f) => f.image));
    expect(live.minPairDiff).toBeGreaterThan(1);
    expect(live.frozenFraction).toBeLessThan(0.1);
    expect(live.flatFraction).toBeGreaterThan(0.3);
    const still = scene({ dx: 0, dy: 0, noise: 3, seed: 5 });
    const repeated = measureBurstPixels([still, still, still]);
    expect(repeated).toMatchObject({ minPairDiff: 0, frozenFraction: 1, flatFrozenFraction: 1 });
    expect(() => measureBurstPixels([still])).toThrow();
    expect(() => measureBurstPixels([still, { ...still, width: W - 1 }])).toThrow();
  });

  it("does not count clipped pixels (a blown-out window) as frozen", () => {
    const white = (seed: number) => {
      const img = scene({ dx: 0, dy: 0, noise: 3, seed });
      for (let i = 0; i < (img.data.length * 3) / 5; i++) img.data[i] = 255;
      return img;
    };
    const m = measureBurstPixels([white(1), white(2), white(3)]);
    expect(m.frozenFraction).toBeLessThan(0.1);
  });
});

describe("capture burst: verdict", () => {
  it("accepts a live-like burst: noise, micro-motion, camera timing", () => {
    const verdict = verifyCaptureBurst(burst());
    expect(verdict).toMatchObject({ ok: true, codes: [] });
    expect(verdict.measures.faceMotion).toBeGreaterThan(burstLimits.minFaceMotion);
  });

  it("rejects the same photo sent five times", () => {
    const still = scene({ dx: 0, dy: 0, noise: 3, seed: 7 });
    const frames = Array.from({ length: 5 }, () => ({ image: still, landmarks: landmarks(0, 0) }));
    const verdict = verifyCaptureBurst(burst({ frames }));
    expect(verdict.ok).toBe(false);
    expect(verdict.codes).toEqual(expect.arrayContaining(["BURST_IDENTICAL_FRAMES", "BURST_NO_SENSOR_NOISE", "BURST_NO_FACE_MOTION"]));
  });

  it("rejects a photo given synthetic noise but no motion", () => {
    const frames = sway.map((_, i) => ({ image: scene({ dx: 0, dy: 0, noise: 3, seed: 40 + i }), landmarks: landmarks(0, 0) }));
    expect(verifyCaptureBurst(burst({ frames })).codes).toEqual(["BURST_NO_FACE_MOTION"]);
  });

  it("rejects a moving face pasted on a backdrop that never changes", () => {
    const frames = sway.map(([dx, dy], i) => {
      const image = scene({ dx, dy, noise: 0, seed: 1 });
      const noisy = scene({ dx, dy, noise: 3, seed: 60 + i });
      // only the face region gets fresh noise
      for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if ((x - dx - 160) ** 2 + (y - dy - 110) ** 2 < 60 * 60) for (let c = 0; c < 3; c++) image.data[(y * W + x) * 3 + c] = noisy.data[(y * W + x) * 3 + c];
      return { image, landmarks: landmarks(dx, dy) };
    });
    expect(verifyCaptureBurst(burst({ frames })).codes).toEqual(["BURST_NO_SENSOR_NOISE"]);
  });

  it("rejects frames of different sizes", () => {
    const frames = liveFrames();
    frames[3] = { image: { ...frames[3].image, width: W - 2 }, landmarks: frames[3].landmarks };
    expect(verifyCaptureBurst(burst({ frames })).codes).toEqual(["BURST_FRAME_SIZE_CHANGED"]);
  });

  it("rejects a missing, wrong or never issued nonce", () => {
    expect(verifyCaptureBurst(burst({ givenNonce: null })).codes).toEqual(["BURST_NONCE_INVALID"]);
    expect(verifyCaptureBurst(burst({ givenNonce: "n0" })).codes).toEqual(["BURST_NONCE_INVALID"]);
    expect(verifyCaptureBurst(burst({ expectedNonce: null, issuedAtMs: null })).codes).toEqual(["BURST_NONCE_INVALID"]);
  });

  it("rejects timing a camera does not produce", () => {
    const codes = (times: number[], elapsed = 1_150) => verifyCaptureBurst(burst({ times, receivedAtMs: 1_000_000 + elapsed })).codes;
    // a script's exact multiples
    expect(codes([0, 200, 400, 600, 800])).toEqual(["BURST_TIMING_TOO_REGULAR"]);
    // five frames in a fifth of a second
    expect(codes([0, 41.2, 93.5, 130.1, 181.7])).toContain("BURST_TIMING_TOO_FAST");
    // spread over several seconds, or starting long after the nonce
    expect(codes([0, 900.3, 1950.2, 2811.9, 3702.4], 4_000)).toContain("BURST_TIMING_TOO_SLOW");
    expect(codes([2500, 2701.2, 2898.4, 3103.9, 3300.5], 3_500)).toEqual(["BURST_TIMING_TOO_SLOW"]);
    // claims a second of capture, yet arrived 300 ms after the nonce was issued
    expect(codes(liveTimes, 300)).toEqual(["BURST_TIMING_MISMATCH"]);
    // uploaded long after it was taken
    expect(codes(liveTimes, 60_000)).toEqual(["BURST_TIMING_TOO_SLOW"]);
    // out of order, negative, or the wrong count
    expect(codes([0, 400.5, 200.2, 612.8, 851.1])).toContain("BURST_TIMING_MISMATCH");
    expect(codes([-50, 150.2, 353.9, 561.4, 770.8])).toContain("BURST_TIMING_MISMATCH");
    expect(codes([0, 201.3, 405.8])).toEqual(["BURST_TIMING_MISMATCH"]);
  });
});
