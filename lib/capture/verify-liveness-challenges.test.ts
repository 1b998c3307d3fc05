import { describe, expect, it } from "vitest";
import { ACTIVE_TURNS, createChallenge, HOLD_MAX_MS, HOLD_MIN_MS } from "@/lib/capture/create-challenge";
import { decideStepUp } from "@/lib/capture/decide-step-up";
import { verifyFlashResponse, type Rgb } from "@/lib/capture/verify-flash-response";
import { verifyHeadTurns } from "@/lib/capture/verify-head-turns";
import { estimatePose } from "@/lib/vision/quality";

describe("flash response", () => {
  const colors = ["#ff2020", "#2040ff", "#20d020", "#ff2020"];
  const skin: Rgb = [180, 130, 110];
  // a face lit partly by the screen: 85 % ambient skin tone, 15 % screen colour
  const lit = (hex: string, gain = 1): Rgb => {
    const n = parseInt(hex.slice(1), 16);
    const screen = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
    return skin.map((v, i) => gain * (0.85 * v + 0.15 * screen[i])) as Rgb;
  };

  it("accepts a face whose colour follows the sequence, whatever the exposure", () => {
    const verdict = verifyFlashResponse({ colors, faceMeans: colors.map((c, i) => lit(c, 1 + i * 0.2)) });
    expect(verdict.ok).toBe(true);
    expect(verdict.correlation).toBeGreaterThan(0.9);
  });

  it("rejects a still image (no response) and a response to another sequence", () => {
    expect(verifyFlashResponse({ colors, faceMeans: colors.map(() => skin) }).ok).toBe(false);
    const other = ["#2040ff", "#ff2020", "#ff2020", "#20d020"];
    expect(verifyFlashResponse({ colors, faceMeans: other.map((c) => lit(c)) }).ok).toBe(false);
  });

  it("rejects a face lit late or by a guessed sequence, on the challenges the server draws", () => {
    let late = 0, guessed = 0;
    const N = 2000;
    for (let k = 0; k < N; k++) {
      const challenge = createChallenge("FLASHING");
      if (challenge.method !== "FLASHING") throw new Error("not a flashing challenge");
      // late: when each frame is grabbed the face still shows the colour before (or none)
      if (verifyFlashResponse({ colors: challenge.colors, faceMeans: challenge.colors.map((_, i) => (i ? lit(challenge.colors[i - 1]) : skin)) }).ok) late++;
      const guess = createChallenge("FLASHING");
      if (guess.method === "FLASHING" && verifyFlashResponse({ colors: challenge.colors, faceMeans: guess.colors.map((c) => lit(c)) }).ok) guessed++;
    }
    expect(late).toBe(0);
    // six colours: about 3 % (four colours gave about 9 %)
    expect(guessed / N).toBeLessThan(0.05);
  });

  it("rejects a frame count that does not fit the challenge", () => {
    expect(verifyFlashResponse({ colors, faceMeans: [skin] }).ok).toBe(false);
  });
});

// A head as FaceMesh describes it (x right, y down, z depth: smaller is nearer the camera), turned the
// way a person turns: yaw > 0 to their own left (the nose moves to the image's right), pitch > 0 up.
function turnedMesh({ yaw = 0, pitch = 0 }: { yaw?: number; pitch?: number }): Float32Array {
  const points: Record<number, [number, number, number]> = { 33: [-35, -10, 10], 263: [35, -10, 10], 10: [0, -70, 5], 152: [0, 75, 12], 1: [0, 20, -40] };
  const mesh = new Float32Array(468 * 3);
  const [a, b] = [(yaw * Math.PI) / 180, (pitch * Math.PI) / 180];
  for (const [i, [x, y, z]] of Object.entries(points)) {
    const x1 = x * Math.cos(a) - z * Math.sin(a), z1 = x * Math.sin(a) + z * Math.cos(a);
    const y2 = y * Math.cos(b) + z1 * Math.sin(b), z2 = -y * Math.sin(b) + z1 * Math.cos(b);
    mesh.set([300 + x1, 300 + y2, z2], Number(i) * 3);
  }
  return mesh;
}
const poseOf = (turn: { yaw?: number; pitch?: number }) => estimatePose(turnedMesh(turn));

describe("head turns", () => {
  const straight = poseOf({});
  it("accepts a real head's turns, in the requested order, as the mesh pose reads them", () => {
    const poses = [straight, poseOf({ yaw: 25 }), poseOf({ yaw: -25 }), poseOf({ pitch: 15 }), poseOf({ pitch: -15 })];
    const verdict = verifyHeadTurns({ turns: ["left", "right", "up", "down"], poses, sameFace: [true, true, true, true] });
    expect(verdict).toMatchObject({ ok: true, reason: null });
    expect(verdict.turned!.map((t) => t.turn)).toEqual(["left", "right", "up", "down"]);
  });

  it("rejects turns the wrong way or in the wrong order, a still image and a face swap", () => {
    expect(verifyHeadTurns({ turns: ["left", "right"], poses: [straight, poseOf({ yaw: -25 }), poseOf({ yaw: 25 })], sameFace: [true, true] }).ok).toBe(false);
    expect(verifyHeadTurns({ turns: ["up"], poses: [straight, poseOf({ pitch: -15 })], sameFace: [true] }).ok).toBe(false);
    expect(verifyHeadTurns({ turns: ["left", "right"], poses: [straight, straight, straight], sameFace: [true, true] }).ok).toBe(false);
    expect(verifyHeadTurns({ turns: ["left", "right"], poses: [straight, poseOf({ yaw: 25 }), poseOf({ yaw: -25 })], sameFace: [true, false] }).reason).toMatch(/different face/);
  });

  it("counts frames: one straight plus one per turn, no more", () => {
    expect(verifyHeadTurns({ turns: ["left"], poses: [straight, poseOf({ yaw: 25 }), poseOf({ yaw: 25 })], sameFace: [true, true] }).reason).toMatch(/number of frames/);
  });
});

describe("challenges and step-up", () => {
  it("draws a fresh random challenge for each attempt", () => {
    const a = createChallenge("FLASHING");
    const b = createChallenge("FLASHING");
    expect(a.id).not.toBe(b.id);
    if (a.method === "FLASHING") expect(a.colors.length).toBeGreaterThanOrEqual(4);
    const active = createChallenge("ACTIVE_3D");
    if (active.method !== "ACTIVE_3D") throw new Error("not a head-turn challenge");
    expect(active.turns).toHaveLength(ACTIVE_TURNS);
    expect(active.holdsMs).toHaveLength(ACTIVE_TURNS);
  });

  it("draws head-turn challenges from all 36 sequences, with prompts held back 0.8-2.4 s", () => {
    const sequences = new Set<string>();
    const holds = new Set<number>();
    for (let k = 0; k < 2000; k++) {
      const c = createChallenge("ACTIVE_3D");
      if (c.method !== "ACTIVE_3D") throw new Error("not a head-turn challenge");
      expect(c.turns.every((turn, i) => i === 0 || turn !== c.turns[i - 1])).toBe(true);
      sequences.add(c.turns.join(","));
      for (const h of c.holdsMs) {
        expect(h).toBeGreaterThanOrEqual(HOLD_MIN_MS);
        expect(h).toBeLessThanOrEqual(HOLD_MAX_MS);
        holds.add(h);
      }
    }
    expect(sequences.size).toBe(36);
    expect(holds.size).toBe((HOLD_MAX_MS - HOLD_MIN_MS) / 100 + 1);
  });

  it("skips the selfie for a known device and IP, escalates an anonymised new device", () => {
    expect(decideStepUp({ knownDevice: true, knownIp: true, anonymousNetwork: false }, "PASSIVE").action).toBe("skip");
    expect(decideStepUp({ knownDevice: true, knownIp: false, anonymousNetwork: false }, "PASSIVE")).toMatchObject({ action: "capture", method: "PASSIVE" });
    expect(decideStepUp({ knownDevice: false, knownIp: false, anonymousNetwork: false }, "PASSIVE")).toMatchObject({ action: "capture", method: "PASSIVE" });
    expect(decideStepUp({ knownDevice: false, knownIp: false, anonymousNetwork: true }, "PASSIVE")).toMatchObject({ action: "capture", method: "ACTIVE_3D" });
    expect(decideStepUp({ knownDevice: false, knownIp: true, anonymousNetwork: false }, "FLASHING")).toMatchObject({ method: "FLASHING" });
  });
});
