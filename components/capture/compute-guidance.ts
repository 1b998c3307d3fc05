import type { Oval } from "./cover-geometry";
import type { FrameStats } from "./frame-stats";

export type GuidanceCode = "loading" | "no_face" | "multiple_faces" | "move_closer" | "move_back" | "center_face" | "too_dark" | "too_bright" | "hold_still" | "ready";

/** A face the browser detector found, in video pixels (centre, size, BlazeFace's 6 keypoints). */
export type BrowserFace = { cx: number; cy: number; w: number; h: number; score: number; keypoints: [number, number][] };

export const guidanceLimits = {
  darkLuma: 55,
  brightLuma: 215,
  clippedFraction: 0.3,
  /** face width as a fraction of the oval width */
  minFace: 0.5,
  maxFace: 1.1,
  /** face centre offset from the oval centre, as a fraction of the oval radii */
  maxOffset: 0.35,
};

// The one thing the user should fix next, most fundamental first. Without a detector (wasm failed)
// only light and stillness are judged and the oval is trusted. `moving` comes from trackStillness.
export function computeGuidance({ stats, faces, oval, moving }: { stats: FrameStats | null; faces: BrowserFace[] | null; oval: Oval; moving: boolean }): GuidanceCode {
  const l = guidanceLimits;
  if (!stats) return "loading";
  if (stats.luma < l.darkLuma) return "too_dark";
  if (stats.luma > l.brightLuma || stats.clipped > l.clippedFraction) return "too_bright";
  if (faces) {
    if (faces.length === 0) return "no_face";
    if (faces.length > 1) return "multiple_faces";
    const face = faces[0];
    const size = face.w / (2 * oval.rx);
    if (size < l.minFace) return "move_closer";
    if (size > l.maxFace) return "move_back";
    if (Math.abs(face.cx - oval.cx) > l.maxOffset * oval.rx || Math.abs(face.cy - oval.cy) > l.maxOffset * oval.ry) return "center_face";
  }
  return moving ? "hold_still" : "ready";
}
