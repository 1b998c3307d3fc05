import { describe, expect, it } from "vitest";
import { countReady, initialReadyCount, readyFor, type ReadyCount } from "./count-ready";
import type { GuidanceCode } from "./compute-guidance";
import { initialStillness, trackStillness, type StillnessFace, type StillnessState } from "./track-stillness";

// Face-box traces at the page's 5 guidance ticks a second, for a 640x480 camera with the face about
// 200 px wide: what a hand-held phone gives (drift, tremor, detector jitter) and what walking gives.
const TICK_S = 0.2;
const W = 200;
// deterministic pseudo-random numbers in [-1, 1]
function noise(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
}
function steadyTicks(trace: (t: number) => StillnessFace, ticks = 50): boolean[] {
  let state: StillnessState = initialStillness;
  const out: boolean[] = [];
  for (let i = 0; i < ticks; i++) {
    state = trackStillness(state, { face: trace(i * TICK_S), pixelMotion: 3 });
    out.push(state.steady);
  }
  return out;
}
const drift = (amp: number, hz: number) => (t: number) => ({ cx: 320 + amp * Math.sin(2 * Math.PI * hz * t), cy: 240 + amp * Math.cos(2 * Math.PI * hz * 0.8 * t), w: W });

describe("trackStillness", () => {
  it("keeps a drifting hand-held camera steady (1.5-4 px at 0.5-2 Hz)", () => {
    for (const [amp, hz] of [[1.5, 0.5], [4, 0.5], [4, 2], [3, 1]]) expect(steadyTicks(drift(amp, hz)).every(Boolean), `${amp} px at ${hz} Hz`).toBe(true);
  });

  it("keeps tremor and detector jitter steady, and a slow steady drift of 4 px a tick", () => {
    const r = noise(7);
    expect(steadyTicks(() => ({ cx: 320 + 4 * r(), cy: 240 + 4 * r(), w: W + 5 * r() })).every(Boolean)).toBe(true);
    expect(steadyTicks((t) => ({ cx: 250 + (4 / TICK_S) * t, cy: 240, w: W })).every(Boolean)).toBe(true);
  });

  it("sees walking: a sweep across the frame, and a big change of distance", () => {
    const sweep = steadyTicks((t) => ({ cx: 320 + 120 * Math.sin(2 * Math.PI * 0.5 * t), cy: 240 + 20 * Math.sin(2 * Math.PI * 0.9 * t), w: W }));
    expect(sweep.filter((s) => !s).length).toBeGreaterThan(sweep.length / 3);
    const zoom = steadyTicks((t) => ({ cx: 320, cy: 240, w: W * (1 + 0.35 * Math.sin(2 * Math.PI * 0.5 * t)) }));
    expect(zoom.filter((s) => !s).length).toBeGreaterThan(zoom.length / 4);
  });

  it("needs the camera to settle before it is steady again, and a face that reappears elsewhere moved", () => {
    let s = trackStillness(initialStillness, { face: { cx: 320, cy: 240, w: W }, pixelMotion: null });
    s = trackStillness(s, { face: { cx: 400, cy: 240, w: W }, pixelMotion: null });
    expect(s.steady).toBe(false);
    s = trackStillness(s, { face: { cx: 420, cy: 240, w: W }, pixelMotion: null });
    expect(s.steady).toBe(false);
    s = trackStillness(s, { face: { cx: 422, cy: 241, w: W }, pixelMotion: null });
    expect(s.steady).toBe(true);
    s = trackStillness(s, { face: null, pixelMotion: 40 });
    s = trackStillness(s, { face: { cx: 300, cy: 240, w: W }, pixelMotion: null });
    expect(s.steady).toBe(false);
  });

  it("without a detector judges smoothed pixel change with hysteresis", () => {
    let s = initialStillness;
    for (const m of [3, 9, 3, 10, 4]) s = trackStillness(s, { face: null, pixelMotion: m });
    expect(s.steady).toBe(true);
    for (const m of [25, 25]) s = trackStillness(s, { face: null, pixelMotion: m });
    expect(s.steady).toBe(false);
    s = trackStillness(s, { face: null, pixelMotion: 10 });
    expect(s.steady).toBe(false);
    for (const m of [3, 3, 3]) s = trackStillness(s, { face: null, pixelMotion: m });
    expect(s.steady).toBe(true);
  });
});

describe("countReady", () => {
  const run = (codes: GuidanceCode[]): ReadyCount => codes.reduce((c, code, i) => countReady(c, { code, now: i * 200 }), initialReadyCount);
  it("counts green time and forgives one stray tick", () => {
    const c = run(["ready", "ready", "no_face", "ready", "ready", "ready"]);
    expect(readyFor(c, 1000)).toBe(1000);
  });
  it("starts over after two stray ticks or any motion", () => {
    expect(run(["ready", "ready", "center_face", "center_face", "ready"]).since).toBe(800);
    expect(run(["ready", "ready", "hold_still", "ready"]).since).toBe(600);
    expect(readyFor(run(["ready", "move_closer"]), 400)).toBe(400);
    expect(readyFor(initialReadyCount, 400)).toBe(0);
  });
});
