import { describe, expect, it } from "vitest";
import { brandStyle } from "./brand-theme";
import { buildCallbackUrl } from "./callback-url";
import { computeGuidance, type BrowserFace } from "./compute-guidance";
import { ovalInBox, ovalInVideo, visibleCrop } from "./cover-geometry";
import { measureFrame } from "./frame-stats";
import { estimateHeadPose, hasTurned } from "./head-pose";

const oval = { cx: 320, cy: 240, rx: 100, ry: 130 };
const stats = (luma: number, motion: number | null = 0) => ({ luma, clipped: 0, motion, thumb: new Uint8Array() });
const face = (over: Partial<BrowserFace> = {}): BrowserFace => ({ cx: 320, cy: 240, w: 150, h: 150, score: 0.9, keypoints: [[290, 220], [350, 220], [320, 250], [320, 280], [260, 230], [380, 230]], ...over });

describe("computeGuidance", () => {
  it("asks for light first, then one face of the right size in the oval, then stillness", () => {
    expect(computeGuidance({ stats: null, faces: null, oval, moving: false })).toBe("loading");
    expect(computeGuidance({ stats: stats(30), faces: [face()], oval, moving: false })).toBe("too_dark");
    expect(computeGuidance({ stats: stats(240), faces: [face()], oval, moving: false })).toBe("too_bright");
    expect(computeGuidance({ stats: stats(120), faces: [], oval, moving: false })).toBe("no_face");
    expect(computeGuidance({ stats: stats(120), faces: [face(), face({ cx: 100 })], oval, moving: false })).toBe("multiple_faces");
    expect(computeGuidance({ stats: stats(120), faces: [face({ w: 60 })], oval, moving: false })).toBe("move_closer");
    expect(computeGuidance({ stats: stats(120), faces: [face({ w: 260 })], oval, moving: false })).toBe("move_back");
    expect(computeGuidance({ stats: stats(120), faces: [face({ cx: 420 })], oval, moving: false })).toBe("center_face");
    expect(computeGuidance({ stats: stats(120), faces: [face()], oval, moving: true })).toBe("hold_still");
    expect(computeGuidance({ stats: stats(120), faces: [face()], oval, moving: false })).toBe("ready");
  });

  it("without a detector judges light and stillness only", () => {
    expect(computeGuidance({ stats: stats(120), faces: null, oval, moving: false })).toBe("ready");
    expect(computeGuidance({ stats: stats(120, 30), faces: null, oval, moving: true })).toBe("hold_still");
  });
});

describe("frame statistics and geometry", () => {
  it("measures luma and motion of an RGBA thumbnail", () => {
    const grey = new Uint8ClampedArray(16).fill(100);
    const first = measureFrame({ rgba: grey, previous: null });
    expect(first.luma).toBeCloseTo(100, 0);
    expect(first.motion).toBeNull();
    const brighter = measureFrame({ rgba: new Uint8ClampedArray(16).fill(130), previous: first.thumb });
    expect(brighter.motion).toBeCloseTo(30, 0);
  });

  it("maps the oval of a portrait box onto a landscape video shown with object-fit: cover", () => {
    const crop = visibleCrop({ videoWidth: 1280, videoHeight: 720, boxWidth: 390, boxHeight: 844 });
    expect(crop.height).toBe(720);
    expect(crop.x + crop.width / 2).toBeCloseTo(640);
    const o = ovalInVideo({ oval: ovalInBox({ boxWidth: 390, boxHeight: 844 }), crop, boxWidth: 390 });
    expect(o.cx).toBeCloseTo(640);
    expect(o.ry / o.rx).toBeCloseTo(1.3);
  });
});

describe("head pose", () => {
  it("sees a turn to the user's left as the nose moving to the image's right", () => {
    const straight = estimateHeadPose(face())!;
    const left = estimateHeadPose(face({ keypoints: [[290, 220], [350, 220], [335, 250], [320, 280]] }))!;
    expect(hasTurned({ pose: left, baseline: straight, turn: "left" })).toBe(true);
    expect(hasTurned({ pose: left, baseline: straight, turn: "right" })).toBe(false);
    const up = estimateHeadPose(face({ keypoints: [[290, 220], [350, 220], [320, 236], [320, 280]] }))!;
    expect(hasTurned({ pose: up, baseline: straight, turn: "up" })).toBe(true);
  });
});

describe("callback and branding", () => {
  it("appends the outcome to an http(s) callback and refuses other schemes", () => {
    expect(buildCallbackUrl({ callback: "https://shop.test/done?ref=1", sessionId: "s1", status: "In Review" })).toBe("https://shop.test/done?ref=1&verificationSessionId=s1&status=In+Review");
    expect(buildCallbackUrl({ callback: "javascript:alert(1)", sessionId: "s1", status: "Approved" })).toBeNull();
  });

  it("keeps brand text legible whatever the colour", () => {
    const yellow = brandStyle("#ffe000") as Record<string, string>;
    expect(yellow["--brand-fg"]).toBe("#0f172a");
    expect(yellow["--brand-ink"]).not.toBe("#ffe000");
    expect((brandStyle("not a colour") as Record<string, string>)["--brand"]).toBe("#2f6fec");
  });
});
