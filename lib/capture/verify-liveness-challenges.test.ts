import { describe, expect, it } from "vitest";
import { createChallenge } from "@/lib/capture/create-challenge";
import { decideStepUp } from "@/lib/capture/decide-step-up";
import { verifyFlashResponse, type Rgb } from "@/lib/capture/verify-flash-response";
import { verifyHeadTurns } from "@/lib/capture/verify-head-turns";

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

  it("rejects a frame count that does not fit the challenge", () => {
    expect(verifyFlashResponse({ colors, faceMeans: [skin] }).ok).toBe(false);
  });
});

describe("head turns", () => {
  const straight = { yaw: 2, pitch: -3 };
  it("accepts the requested turns in order", () => {
    const v = verifyHeadTurns({ turns: ["left", "right", "up"], poses: [straight, { yaw: 25, pitch: 0 }, { yaw: -22, pitch: -2 }, { yaw: 1, pitch: 12 }], sameFace: [true, true, true] });
    expect(v).toEqual({ ok: true, reason: null });
  });

  it("rejects turns in the wrong order, a still image and a face swap", () => {
    expect(verifyHeadTurns({ turns: ["left", "right"], poses: [straight, { yaw: -25, pitch: 0 }, { yaw: 22, pitch: 0 }], sameFace: [true, true] }).ok).toBe(false);
    expect(verifyHeadTurns({ turns: ["left", "right"], poses: [straight, straight, straight], sameFace: [true, true] }).ok).toBe(false);
    expect(verifyHeadTurns({ turns: ["left", "right"], poses: [straight, { yaw: 25, pitch: 0 }, { yaw: -25, pitch: 0 }], sameFace: [true, false] }).reason).toMatch(/different face/);
  });
});

describe("challenges and step-up", () => {
  it("draws a fresh random challenge for each attempt", () => {
    const a = createChallenge("FLASHING");
    const b = createChallenge("FLASHING");
    expect(a.id).not.toBe(b.id);
    if (a.method === "FLASHING") expect(a.colors.length).toBeGreaterThanOrEqual(4);
    const active = createChallenge("ACTIVE_3D");
    if (active.method === "ACTIVE_3D") expect(active.turns).toEqual(expect.arrayContaining(["left", "right"]));
  });

  it("skips the selfie for a known device and IP, escalates an anonymised new device", () => {
    expect(decideStepUp({ knownDevice: true, knownIp: true, anonymousNetwork: false }, "PASSIVE").action).toBe("skip");
    expect(decideStepUp({ knownDevice: true, knownIp: false, anonymousNetwork: false }, "PASSIVE")).toMatchObject({ action: "capture", method: "PASSIVE" });
    expect(decideStepUp({ knownDevice: false, knownIp: false, anonymousNetwork: false }, "PASSIVE")).toMatchObject({ action: "capture", method: "PASSIVE" });
    expect(decideStepUp({ knownDevice: false, knownIp: false, anonymousNetwork: true }, "PASSIVE")).toMatchObject({ action: "capture", method: "ACTIVE_3D" });
    expect(decideStepUp({ knownDevice: false, knownIp: true, anonymousNetwork: false }, "FLASHING")).toMatchObject({ method: "FLASHING" });
  });
});
